package org.gms.callback.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gms.callback.calendar.OfficeHoursSettings.DateRange;
import org.gms.callback.calendar.OfficeHoursSettings.DatedHours;

/**
 * Office hours from {@link OfficeHoursSettings}. Hours are turned into instants from the local day they start on and
 * then cut at local midnights, so a day of 23 or 25 hours and a time that falls in a daylight-saving gap are handled
 * by {@code java.time}.
 * A day within the dates of an alternative is answered by the alternative's calendar. Any other day's open time is:
 * the regular hours that start that day, plus the part of the previous day's hours that runs past midnight, none of
 * it on a holiday (or after a holiday eve), plus the added hours of the date; nothing outside the effective dates
 * when there are any. Regular hours include those of the services in {@code _include_regular<n>}, each in its own
 * time zone.
 */
public final class WeeklyOfficeHours implements OfficeHours {

    private final OfficeHoursSettings settings;
    private final List<RegularHours> regular;
    private final List<AlternativeCalendar> alternatives;

    /** Office hours that name no other service; {@link OfficeHoursResolver} builds those that do. */
    public WeeklyOfficeHours(OfficeHoursSettings settings) {
        this(requireNoReference(settings), List.of(new RegularHours(settings.zone(), settings.regular())), List.of());
    }

    /**
     * @param regular      this service's regular hours and those it includes
     * @param alternatives the calendars used within their dates, the first that has the date
     */
    WeeklyOfficeHours(OfficeHoursSettings settings, List<RegularHours> regular,
                      List<AlternativeCalendar> alternatives) {
        this.settings = settings;
        this.regular = List.copyOf(regular);
        this.alternatives = List.copyOf(alternatives);
    }

    /** Another calendar that answers the days of {@code dates}. */
    record AlternativeCalendar(DateRange dates, OfficeHours calendar) {
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
        ZoneId zone = settings.zone();
        Instant dayStart = date.atStartOfDay(zone).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
        for (AlternativeCalendar alternative : alternatives) {
            if (alternative.dates().contains(date)) {
                // cut at this zone's midnights, its periods are merged again where its own midnights split them
                return clipAndMerge(alternative.calendar().openPeriods(dayStart, dayEnd), dayStart, dayEnd);
            }
        }
        if (!effective(date)) {
            return List.of();
        }
        List<OpenPeriod> periods = new ArrayList<>();
        if (!holiday(date)) {
            for (RegularHours hours : regular) {
                for (OpenPeriod period : hours.periods(dayStart, dayEnd)) {
                    // hours belong to the day they start on here: a holiday eve's do not run on past its midnight
                    if (!holiday(period.start().atZone(zone).toLocalDate())) {
                        periods.add(period);
                    }
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

    private static OfficeHoursSettings requireNoReference(OfficeHoursSettings settings) {
        if (!settings.includes().isEmpty() || !settings.alternatives().isEmpty()) {
            throw new IllegalArgumentException("Office hours that include or use other services need those services:"
                    + " build them with OfficeHoursResolver");
        }
        return settings;
    }

    private boolean holiday(LocalDate date) {
        return settings.holidays().stream().anyMatch(holiday -> holiday.matches(date));
    }

    private boolean effective(LocalDate date) {
        return settings.effectiveDates().isEmpty()
                || settings.effectiveDates().stream().anyMatch(range -> range.contains(date));
    }
}
