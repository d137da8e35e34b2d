package org.gms.callback.rules;

/**
 * One rate rule of a service: at most {@code limit} accepted callbacks in a fixed window of {@code ttlSeconds}.
 * A limit of 0 rejects every request; a ttl of 0 turns the rule off, whatever its limit.
 */
public record RateRule(int limit, int ttlSeconds) {

    public RateRule {
        if (limit < 0 || ttlSeconds < 0) {
            throw new IllegalArgumentException("limit and ttl must be 0 or more: " + limit + ", " + ttlSeconds);
        }
    }

    public boolean enabled() {
        return ttlSeconds > 0;
    }
}
