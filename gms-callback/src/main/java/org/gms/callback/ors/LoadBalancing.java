package org.gms.callback.ors;

import java.util.Locale;
import java.util.Optional;

/** {@code _ors_lb_strategy}: the order in which the URLs of an {@code _ors} list are tried. */
public enum LoadBalancing {
    /** Always from the first URL, then the next ones: the first ORS that answers takes every request. */
    LINEAR,
    /** Each request starts one URL further (round robin), then tries the next ones, wrapping around. */
    CIRCULAR;

    /** The strategy an option value names; empty when the value is blank or names none. */
    public static Optional<LoadBalancing> parse(String value) {
        String cleaned = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (cleaned) {
            case "linear" -> Optional.of(LINEAR);
            case "circular" -> Optional.of(CIRCULAR);
            default -> Optional.empty();
        };
    }

    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
