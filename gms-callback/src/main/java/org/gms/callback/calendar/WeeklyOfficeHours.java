package org.gms.callback.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gms.callback.calendar.OfficeHoursSettings.DatedHours;
import org.gms.callback.calendar.OfficeHoursSettings.WeeklyHours;

/**
 * Office hours from {@link OfficeHoursSettings}. Each local day is worked out in local time, then converted to UTC,
 * so a day of 23 or 25 hours and a time that falls in a daylight-saving gap are handled by {@code java.time}.
 * A day's open time is: the regular hours that start that day, plus the part of the previous day's hours that runs
 * past midnight, none of it on a holiday (or after a holiday eve), plus the added hours of the date; nothing outside
 * the effective dates when there are any.
 */
public final class WeeklyOfficeHours implements OfficeHours {

    private final OfficeHoursSettings settings;

    public WeeklyOfficeHours(OfficeHoursSettings settings) {
        this.settings = settings;
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
        LocalDateTime dayStart = date.atStartOfDay();
        LocalDateTime dayEnd = dayStart.plusDays(1);
        List<LocalDateTime[]> intervals = new ArrayList<>();
        if (!holiday(date)) {
            addRegular(intervals, date);
            if (!holiday(date.minusDays(1))) {
                addRegular(intervals, date.minusDays(1));
            }
        }
        for (DatedHours added : settings.additions()) {
            for (LocalDate origin : List.of(date, date.minusDays(1))) {
                if (added.date().matches(origin)) {
                    intervals.add(interval(origin, added.hours()));
                }
            }
        }
        return toInstants(clipAndMerge(intervals, dayStart, dayEnd));
    }

    private void addRegular(List<LocalDateTime[]> intervals, LocalDate origin) {
        for (WeeklyHours weekly : settings.regular()) {
            if (weekly.days().contains(origin.getDayOfWeek())) {
                intervals.add(interval(origin, weekly.hours()));
            }
        }
    }

    private static LocalDateTime[] interval(LocalDate origin, HoursRange hours) {
        LocalDateTime midnight = origin.atStartOfDay();
        return new LocalDateTime[] {midnight.plusMinutes(hours.startMinute()),
            midnight.plusMinutes(hours.endAfterStartDayMidnight())};
    }

    private static List<LocalDateTime[]> clipAndMerge(List<LocalDateTime[]> intervals, LocalDateTime dayStart,
                                                      LocalDateTime dayEnd) {
        List<LocalDateTime[]> clipped = new ArrayList<>();
        for (LocalDateTime[] interval : intervals) {
            LocalDateTime start = interval[0].isBefore(dayStart) ? dayStart : interval[0];
            LocalDateTime end = interval[1].isAfter(dayEnd) ? dayEnd : interval[1];
            if (start.isBefore(end)) {
                clipped.add(new LocalDateTime[] {start, end});
            }
        }
        clipped.sort(Comparator.comparing(interval -> interval[0]));
        List<LocalDateTime[]> merged = new ArrayList<>();
        for (LocalDateTime[] interval : clipped) {
            LocalDateTime[] previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (previous != null && !interval[0].isAfter(previous[1])) {
                if (interval[1].isAfter(previous[1])) {
                    previous[1] = interval[1];
                }
            } else {
                merged.add(interval);
            }
        }
        return merged;
    }

    private List<OpenPeriod> toInstants(List<LocalDateTime[]> intervals) {
        List<OpenPeriod> periods = new ArrayList<>();
        for (LocalDateTime[] interval : intervals) {
            // a local time inside a daylight-saving gap moves forward by the gap, as ZonedDateTime.of documents
            Instant start = interval[0].atZone(settings.zone()).toInstant();
            Instant end = interval[1].atZone(settings.zone()).toInstant();
            if (end.isAfter(start)) {
                periods.add(new OpenPeriod(start, end));
            }
        }
        return periods;
    }

    private boolean holiday(LocalDate date) {
        return settings.holidays().stream().anyMatch(holiday -> holiday.matches(date));
    }

    private boolean effective(LocalDate date) {
        return settings.effectiveDates().isEmpty()
                || settings.effectiveDates().stream().anyMatch(range -> range.contains(date));
    }
}
