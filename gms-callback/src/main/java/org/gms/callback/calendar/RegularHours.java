package org.gms.callback.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gms.callback.calendar.OfficeHoursSettings.WeeklyHours;

/**
 * Weekly hours written in one time zone. Each is turned into instants whole, from the local day it starts on, so
 * hours that run past midnight or across a daylight-saving change last their real time.
 */
record RegularHours(ZoneId zone, List<WeeklyHours> hours) {

    RegularHours {
        hours = List.copyOf(hours);
    }

    /** The periods of these hours that overlap {@code [from, to)}, not clipped: each as long as written. */
    List<OpenPeriod> periods(Instant from, Instant to) {
        List<OpenPeriod> periods = new ArrayList<>();
        LocalDate last = to.atZone(zone).toLocalDate();
        // hours last at most a day, so those that reach from start on its local day or the day before
        for (LocalDate origin = from.atZone(zone).toLocalDate().minusDays(1); !origin.isAfter(last);
             origin = origin.plusDays(1)) {
            for (WeeklyHours weekly : hours) {
                if (weekly.days().contains(origin.getDayOfWeek())) {
                    period(origin, weekly.hours(), zone).filter(period -> period.overlaps(from, to))
                            .ifPresent(periods::add);
                }
            }
        }
        return periods;
    }

    /**
     * {@code hours} from the local midnight of {@code origin}; empty when they fall in a daylight-saving gap, where a
     * local time moves forward by the gap as {@code ZonedDateTime.of} documents.
     */
    static Optional<OpenPeriod> period(LocalDate origin, HoursRange hours, ZoneId zone) {
        Instant start = origin.atStartOfDay().plusMinutes(hours.startMinute()).atZone(zone).toInstant();
        Instant end = origin.atStartOfDay().plusMinutes(hours.endAfterStartDayMidnight()).atZone(zone).toInstant();
        return end.isAfter(start) ? Optional.of(new OpenPeriod(start, end)) : Optional.empty();
    }
}
