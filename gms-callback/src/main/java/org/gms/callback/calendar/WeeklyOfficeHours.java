package org.gms.callback.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gms.callback.calendar.OfficeHoursSettings.DatedHours;

/**
 * Office hours from {@link OfficeHoursSettings}. Hours are turned into instants from the local day they start on and
 * then cut at local midnights, so a day of 23 or 25 hours and a time that falls in a daylight-saving gap are handled
 * by {@code java.time}.
 * A day's open time is: the regular hours that start that day, plus the part of the previous day's hours that runs
 * past midnight, none of it on a holiday (or after a holiday eve), plus the added hours of the date; nothing outside
 * the effective dates when there are any.
 */
public final class WeeklyOfficeHours implements OfficeHours {

    private final OfficeHoursSettings settings;
    private final RegularHours regular;

    public WeeklyOfficeHours(OfficeHoursSettings settings) {
        this.settings = settings;
        this.regular = new RegularHours(settings.zone(), settings.regular());
    }

    @Override
    public ZoneId zone() {
        return settings.zone();
    }

    @Override
    public List<OpenPeriod> openPeriods(LocalDate firstDay, int days) {
        List<OpenPeriod> periods = new ArrayList<>();
        for (int offset = 0; offset < days; offset++) {
            periods.addAll(day(firstDay.plusDays(offset)));
        }
        return periods;
    }

    @Override
    public List<OpenPeriod> openPeriods(Instant from, Instant to) {
        ZoneId zone = settings.zone();
        LocalDate first = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        List<OpenPeriod> result = new ArrayList<>();
        // a range of more than Integer.MAX_VALUE days fails rather than wrapping to a negative count (no periods)
        int days = Math.toIntExact(last.toEpochDay() - first.toEpochDay() + 1);
        for (OpenPeriod period : openPeriods(first, days)) {
            if (from.equals(to)) {
                if (period.contains(from)) {
                    result.add(period);
                }
            } else if (period.overlaps(from, to)) {
                Instant start = period.start().isBefore(from) ? from : period.start();
                Instant end = period.end().isAfter(to) ? to : period.end();
                result.add(new OpenPeriod(start, end));
            }
        }
        return result;
    }

    /** The open periods of one local day, merged and in order. */
    List<OpenPeriod> day(LocalDate date) {
        if (!effective(date)) {
            return List.of();
        }
        ZoneId zone = settings.zone();
        Instant dayStart = date.atStartOfDay(zone).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<OpenPeriod> periods = new ArrayList<>();
        if (!holiday(date)) {
            for (OpenPeriod period : regular.periods(dayStart, dayEnd)) {
                // hours belong to the day they start on: those of a holiday eve do not run on past its midnight
                if (!holiday(period.start().atZone(zone).toLocalDate())) {
                    periods.add(period);
                }
            }
        }
        for (DatedHours added : settings.additions()) {
            for (LocalDate origin : List.of(date, date.minusDays(1))) {
                if (added.date().matches(origin)) {
                    RegularHours.period(origin, added.hours(), zone).ifPresent(periods::add);
                }
            }
        }
        return clipAndMerge(periods, dayStart, dayEnd);
    }

    /** {@code periods} cut to {@code [from, to)}, those that overlap or touch made one, in order. */
    static List<OpenPeriod> clipAndMerge(List<OpenPeriod> periods, Instant from, Instant to) {
        List<OpenPeriod> clipped = new ArrayList<>();
        for (OpenPeriod period : periods) {
            Instant start = period.start().isBefore(from) ? from : period.start();
            Instant end = period.end().isAfter(to) ? to : period.end();
            if (start.isBefore(end)) {
                clipped.add(new OpenPeriod(start, end));
            }
        }
        clipped.sort(Comparator.comparing(OpenPeriod::start));
        List<OpenPeriod> merged = new ArrayList<>();
        for (OpenPeriod period : clipped) {
            OpenPeriod previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (previous != null && !period.start().isAfter(previous.end())) {
                if (period.end().isAfter(previous.end())) {
                    merged.set(merged.size() - 1, new OpenPeriod(previous.start(), period.end()));
                }
            } else {
                merged.add(period);
            }
        }
        return merged;
    }

    private boolean holiday(LocalDate date) {
        return settings.holidays().stream().anyMatch(holiday -> holiday.matches(date));
    }

    private boolean effective(LocalDate date) {
        return settings.effectiveDates().isEmpty()
                || settings.effectiveDates().stream().anyMatch(range -> range.contains(date));
    }
}
