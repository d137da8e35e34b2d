package org.gms.callback.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What the request-parameter throttle counts under: one service, parameter, value and server calendar date. A new
 * date starts a new count.
 */
public record ParameterCounterKey(String service, String parameter, String value, LocalDate day) {

    public static ParameterCounterKey of(String service, String parameter, String value, Instant now, ZoneId zone) {
        return new ParameterCounterKey(service, parameter, value, day(now, zone));
    }

    /** The server calendar date of {@code now} in the server's {@code zone}. */
    public static LocalDate day(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone);
    }

    /** When the count of this key stops mattering: the start of the next day in {@code zone}. */
    public Instant endOfDay(ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
