package org.gms.callback.rules;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The queue checks of a service: the in-queue check per customer number and the limit of queued (submitted:
 * QUEUED, ROUTING, PROCESSING) callbacks of the service. Scheduled callbacks are not checked against the limit, and a
 * cancelled or completed callback frees its place.
 *
 * @param maxQueuedCallbacks the limit; empty: none. 0 rejects every immediate request
 */
public record QueueRules(InQueueChecking inQueueChecking, OptionalInt maxQueuedCallbacks) {

    public QueueRules {
        Objects.requireNonNull(inQueueChecking, "inQueueChecking");
        Objects.requireNonNull(maxQueuedCallbacks, "maxQueuedCallbacks");
    }

    /** The 503 message when {@code service}, with {@code queued} callbacks in queue, must refuse one more. */
    public Optional<String> queueLimitRejection(String service, long queued) {
        if (maxQueuedCallbacks.isEmpty() || queued < maxQueuedCallbacks.getAsInt()) {
            return Optional.empty();
        }
        return Optional.of("Limit of queued callbacks for " + service + " is reached.");
    }
}
