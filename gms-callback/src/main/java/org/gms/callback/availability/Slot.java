package org.gms.callback.availability;

import java.time.Instant;

/**
 * One time bucket of a callback service, {@code start} inclusive and {@code end} exclusive.
 *
 * @param total the requests the bucket takes: its capacity, at most {@code _max_request_by_time_bucket}
 * @param used  the live callbacks whose desired time is in the bucket
 */
public record Slot(Instant start, Instant end, int total, int used) {

    public Slot {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("A slot must end after it starts: " + start + " - " + end);
        }
    }

    /** The requests the bucket still takes; never negative, even when more were booked than it takes now. */
    public int free() {
        return Math.max(0, total - used);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    Slot withUsed(int count) {
        return new Slot(start, end, total, count);
    }
}
