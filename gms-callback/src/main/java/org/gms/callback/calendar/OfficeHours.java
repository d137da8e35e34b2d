package org.gms.callback.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The opening calendar of an office-hours service. Hours are written in the service's time zone and answered as UTC
 * instants, so daylight-saving changes and hours that run past midnight come out right.
 */
public interface OfficeHours {

    ZoneId zone();

    /**
     * The open periods of {@code days} local days from {@code firstDay}, in order; a period never crosses local
     * midnight (hours that wrap midnight give one period on each side).
     */
    List<OpenPeriod> openPeriods(LocalDate firstDay, int days);

    /**
     * The open periods that overlap {@code [from, to)}, clipped to it; when {@code from} equals {@code to}, the period
     * that contains that instant (empty when closed).
     */
    List<OpenPeriod> openPeriods(Instant from, Instant to);

    default boolean isOpenAt(Instant instant) {
        return !openPeriods(instant, instant).isEmpty();
    }
}
