package org.gms.callback.rules;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code _enable_in_queue_checking}: whether a customer number that already has callbacks in queue may ask for
 * another, for immediate and scheduled callbacks alike.
 */
public enum InQueueChecking {
    /** {@code false}: no check. */
    OFF(0),
    /** {@code true}: refused when the number already has 2 callbacks in queue. */
    ON(2),
    /** {@code strict}: refused when the number already has 1 callback in queue. */
    STRICT(1);

    /** How many callbacks in queue refuse the next one; unused when {@link #OFF}. */
    private final int refusedFrom;

    InQueueChecking(int refusedFrom) {
        this.refusedFrom = refusedFrom;
    }

    /** Whether a new callback is refused for a customer number that has {@code alreadyInQueue} callbacks in queue. */
    public boolean rejects(long alreadyInQueue) {
        return this != OFF && alreadyInQueue >= refusedFrom;
    }

    /** The option value {@code true}, {@code false} or {@code strict}, whatever its case. */
    static Optional<InQueueChecking> parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(ON);
            case "false" -> Optional.of(OFF);
            case "strict" -> Optional.of(STRICT);
            default -> Optional.empty();
        };
    }
}
