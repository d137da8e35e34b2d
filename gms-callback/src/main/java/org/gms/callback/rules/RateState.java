package org.gms.callback.rules;

import java.time.Instant;

/**
 * The two rate windows of a service as stored between requests: when each window opened ({@code null}: none is
 * open) and how many callbacks it accepted. Callers store it whole and replace it by compare-and-set, so two nodes
 * never both accept the last callback of a window.
 */
public record RateState(Instant start1, int count1, Instant start2, int count2) {

    /** No window open: the state of a service that has accepted nothing yet. */
    public static final RateState EMPTY = new RateState(null, 0, null, 0);

    public RateState {
        if (count1 < 0 || count2 < 0) {
            throw new IllegalArgumentException("counts must be 0 or more: " + count1 + ", " + count2);
        }
    }
}
