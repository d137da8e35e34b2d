package org.gms.callback.availability;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;

/**
 * The live callbacks of a service (not cancelled), counted by desired time. The availability asks one question per
 * open bucket; {@link #of} answers from desired times read once for a whole range.
 */
@FunctionalInterface
public interface Bookings {

    /** No callback booked. */
    Bookings NONE = (from, to) -> 0;

    /** How many live callbacks have their desired time in {@code [from, to)}. */
    int count(Instant from, Instant to);

    /** Counts over these desired times, with two binary searches per question. */
    static Bookings of(Collection<Instant> desiredTimes) {
        Instant[] sorted = desiredTimes.toArray(new Instant[0]);
        Arrays.sort(sorted);
        return (from, to) -> firstAtOrAfter(sorted, to) - firstAtOrAfter(sorted, from);
    }

    private static int firstAtOrAfter(Instant[] sorted, Instant instant) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle].isBefore(instant)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
