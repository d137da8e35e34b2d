package org.gms.callback.calendar;

import java.time.Instant;

/** One open period, {@code start} inclusive and {@code end} exclusive. */
public record OpenPeriod(Instant start, Instant end) {

    public OpenPeriod {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("An open period must end after it starts: " + start + " - " + end);
        }
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }
}
