package org.gms.callback.rules;

import java.util.Objects;

/** The answer of the rate rules to one request: accepted with the state to store, or rejected (503). */
public sealed interface RateDecision {

    /** The request is accepted and counted; {@code next} replaces the stored state. */
    record Accepted(RateState next) implements RateDecision {

        public Accepted {
            Objects.requireNonNull(next, "next");
        }
    }

    /** The request is refused and counted in neither window; the state stays as it was. */
    record Rejected(int intervalSeconds, String message) implements RateDecision {
    }
}
