package org.gms.callback.calendar;

import static org.gms.core.config.ReloadPolicy.IMMEDIATE;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gms.core.config.Option;
import org.gms.core.config.OptionFamily;

/**
 * The office-hours options of one {@code [service.<name>]} section, validated: {@code _timezone},
 * {@code _bh_regular<n>}, {@code _bh_add<n>}, {@code _holiday<n>}, {@code _effective_dates<n>}. Empty values are
 * ignored; a value that does not parse is an error naming the section and option.
 */
public record OfficeHoursSettings(ZoneId zone, List<WeeklyHours> regular, List<DatedHours> additions,
                                  List<DateSpec> holidays, List<DateRange> effectiveDates) {

    public static final String DEFAULT_TIMEZONE = "UTC";

    /** Its options, in every {@code [service.<name>]} section. */
    public static final List<Option> OPTIONS = List.of(
            Option.string(OptionFamily.SERVICE, "_timezone", "", IMMEDIATE,
                    "Office hours and capacity: time zone (IANA id such as Europe/Paris) of the hours; empty: UTC."),
            Option.string(OptionFamily.SERVICE, "_bh_regular1", "", IMMEDIATE,
                    "Office hours: weekly hours, DDD-DDD HH:mm-HH:mm (any suffix: _bh_regular2, ...)."),
            Option.string(OptionFamily.SERVICE, "_bh_add1", "", IMMEDIATE,
                    "Office hours: extra hours on a date, YYYY-MM-dd HH:mm-HH:mm or MM-dd HH:mm-HH:mm."),
            Option.string(OptionFamily.SERVICE, "_holiday1", "", IMMEDIATE,
                    "Office hours: closed date, YYYY-MM-dd or MM-dd (every year)."),
            Option.string(OptionFamily.SERVICE, "_effective_dates1", "", IMMEDIATE,
                    "Office hours: closed outside these dates when set, YYYY-MM-dd [to YYYY-MM-dd]."));

    public OfficeHoursSettings {
        regular = List.copyOf(regular);
        additions = List.copyOf(additions);
        holidays = List.copyOf(holidays);
        effectiveDates = List.copyOf(effectiveDates);
    }

    /** Regular weekly hours, such as {@code Mon-Fri 9:00-17:00}. */
    public record WeeklyHours(Set<DayOfWeek> days, HoursRange hours) {
    }

    /** Extra hours on one date, such as {@code 2026-12-24 9:00-12:00} or {@code 12-24 9:00-12:00}. */
    public record DatedHours(DateSpec date, HoursRange hours) {
    }

    /** An inclusive range of dates, such as {@code 2026-01-01 to 2026-06-30}. */
    public record DateRange(LocalDate first, LocalDate last) {

        boolean contains(LocalDate day) {
            return !day.isBefore(first) && !day.isAfter(last);
        }
    }

    public static OfficeHoursSettings from(String section, Map<String, String> options) {
        ZoneId zone = ZoneId.of(DEFAULT_TIMEZONE);
        List<WeeklyHours> regular = new ArrayList<>();
        List<DatedHours> additions = new ArrayList<>();
        List<DateSpec> holidays = new ArrayList<>();
        List<DateRange> effective = new ArrayList<>();
        for (Map.Entry<String, String> entry : options.entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue() == null ? "" : entry.getValue().trim();
            if (value.isEmpty() || value.equals("\"\"")) {
                continue;
            }
            try {
                if (name.equals("_timezone")) {
                    zone = ZoneId.of(value);
                } else if (name.startsWith("_bh_regular")) {
                    int split = value.lastIndexOf(' ');
                    requireSplit(split);
                    regular.add(new WeeklyHours(DaySet.parse(value.substring(0, split)),
                            HoursRange.parse(value.substring(split + 1))));
                } else if (name.startsWith("_bh_add")) {
                    int split = value.indexOf(' ');
                    requireSplit(split);
                    additions.add(new DatedHours(DateSpec.parse(value.substring(0, split)),
                            HoursRange.parse(value.substring(split + 1))));
                } else if (name.startsWith("_holiday")) {
                    holidays.add(DateSpec.parse(value));
                } else if (name.startsWith("_effective_dates")) {
                    effective.add(range(value));
                }
            } catch (IllegalArgumentException | DateTimeException e) {
                throw new IllegalArgumentException("Wrong value [" + value + "] for option [" + section + "] " + name
                        + ": " + e.getMessage(), e);
            }
        }
        return new OfficeHoursSettings(zone, regular, additions, holidays, effective);
    }

    private static void requireSplit(int split) {
        if (split <= 0) {
            throw new IllegalArgumentException("expected days or a date, a space, then HH:mm-HH:mm");
        }
    }

    private static DateRange range(String value) {
        String[] bounds = value.split("\\s+to\\s+");
        try {
            LocalDate first = LocalDate.parse(bounds[0].trim());
            LocalDate last = bounds.length > 1 ? LocalDate.parse(bounds[1].trim()) : first;
            if (bounds.length > 2 || last.isBefore(first)) {
                throw new IllegalArgumentException("use YYYY-MM-dd or YYYY-MM-dd to YYYY-MM-dd, first date first");
            }
            return new DateRange(first, last);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid date, use YYYY-MM-dd or YYYY-MM-dd to YYYY-MM-dd");
        }
    }
}
