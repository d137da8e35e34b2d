package org.gms.callback.rules;

import java.util.Objects;

/** The two rate rules of a service; the first is checked first. */
public record RateRules(RateRule first, RateRule second) {

    public RateRules {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
    }
}
