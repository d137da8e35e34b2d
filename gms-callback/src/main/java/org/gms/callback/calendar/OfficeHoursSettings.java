package org.gms.callback.calendar;

import static org.gms.core.config.ReloadPolicy.IMMEDIATE;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gms.core.config.Option;
import org.gms.core.config.OptionFamily;

/**
 * The office-hours options of one {@code [service.<name>]} section, validated: {@code _timezone},
 * {@code _bh_regular<n>}, {@code _bh_add<n>}, {@code _holiday<n>}, {@code _effective_dates<n>},
 * {@code _include_regular<n>} and {@code _use_alternative<n>}. Empty values are ignored; a value that does not parse
 * is an error naming the section and option. An {@code _effective_dates<n>} with a {@code _use_alternative<n>} of the
 * same suffix is the alternative's dates; the others are {@link #effectiveDates()}, outside which the office is closed.
 * The services named are not looked up here: {@link OfficeHoursResolver} does.
 */
public record OfficeHoursSettings(ZoneId zone, List<WeeklyHours> regular, List<DatedHours> additions,
                                  List<DateSpec> holidays, List<DateRange> effectiveDates,
                                  List<ServiceReference> includes, List<Alternative> alternatives) {

    public static final String DEFAULT_TIMEZONE = "UTC";

    private static final String EFFECTIVE_DATES = "_effective_dates";
    private static final String INCLUDE_REGULAR = "_include_regular";
    private static final String USE_ALTERNATIVE = "_use_alternative";

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
                    "Office hours: closed outside these dates when set, YYYY-MM-dd [to YYYY-MM-dd]; with"
                            + " _use_alternative of the same suffix, the dates of the alternative."),
            Option.string(OptionFamily.SERVICE, "_include_regular1", "", IMMEDIATE,
                    "Office hours: another office-hours service whose weekly hours are added, in its own time zone."),
            Option.string(OptionFamily.SERVICE, "_use_alternative1", "", IMMEDIATE,
                    "Office hours: another office-hours service whose calendar applies within _effective_dates"
                            + " of the same suffix, which is mandatory."));

    public OfficeHoursSettings {
        regular = List.copyOf(regular);
        additions = List.copyOf(additions);
        holidays = List.copyOf(holidays);
        effectiveDates = List.copyOf(effectiveDates);
        includes = List.copyOf(includes);
        alternatives = List.copyOf(alternatives);
    }

    /** Regular weekly hours, such as {@code Mon-Fri 9:00-17:00}. */
    public record WeeklyHours(Set<DayOfWeek> days, HoursRange hours) {
    }

    /** Extra hours on one date, such as {@code 2026-12-24 9:00-12:00} or {@code 12-24 9:00-12:00}. */
    public record DatedHours(DateSpec date, HoursRange hours) {
    }

    /** Another office-hours service named by an option, such as {@code _include_regular1 = support-paris}. */
    public record ServiceReference(String option, String service) {
    }

    /** Another service's calendar used within dates: {@code _use_alternative<n>} with {@code _effective_dates<n>}. */
    public record Alternative(ServiceReference service, DateRange dates) {
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
        Map<String, DateRange> effective = new TreeMap<>();
        List<ServiceReference> includes = new ArrayList<>();
        Map<String, ServiceReference> alternatives = new TreeMap<>();
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
                } else if (name.startsWith(EFFECTIVE_DATES)) {
                    effective.put(name.substring(EFFECTIVE_DATES.length()), range(value));
                } else if (name.startsWith(INCLUDE_REGULAR)) {
                    includes.add(new ServiceReference(name, value));
                } else if (name.startsWith(USE_ALTERNATIVE)) {
                    alternatives.put(name.substring(USE_ALTERNATIVE.length()), new ServiceReference(name, value));
                }
            } catch (IllegalArgumentException | DateTimeException e) {
                throw new IllegalArgumentException("Wrong value [" + value + "] for option [" + section + "] " + name
                        + ": " + e.getMessage(), e);
            }
        }
        List<Alternative> paired = new ArrayList<>();
        for (Map.Entry<String, ServiceReference> alternative : alternatives.entrySet()) {
            DateRange dates = effective.remove(alternative.getKey());
            if (dates == null) {
                throw new IllegalArgumentException("Missing option [" + section + "] " + EFFECTIVE_DATES
                        + alternative.getKey() + ": " + alternative.getValue().option() + " ["
                        + alternative.getValue().service() + "] needs the dates it applies to");
            }
            paired.add(new Alternative(alternative.getValue(), dates));
        }
        includes.sort(Comparator.comparing(ServiceReference::option));
        return new OfficeHoursSettings(zone, regular, additions, holidays, List.copyOf(effective.values()), includes,
                paired);
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
