package org.gms.callback.rules;

import java.time.Instant;
import java.util.Objects;

/**
 * The rate throttle of a service: two independent fixed windows. A window opens at the first request it accepts and
 * lasts its rule's ttl; once it has accepted {@code limit} requests, further requests are rejected until it ends.
 * The first window is checked first, so its ttl is the interval a rejection reports when both are full.
 */
public final class RateThrottle {

    private RateThrottle() {
    }

    /**
     * Decides one request that counts (immediate, or submitted at creation).
     *
     * @param service the service name, for the message
     * @param current the stored state; {@code null} when there is none yet
     * @param now     the time of the request
     * @param rules   the rules in force now; a changed ttl applies to the open windows too
     */
    public static RateDecision decide(String service, RateState current, Instant now, RateRules rules) {
        Objects.requireNonNull(now, "now");
        RateState state = current == null ? RateState.EMPTY : current;
        Window first = Window.of(rules.first(), state.start1(), state.count1(), now);
        Window second = Window.of(rules.second(), state.start2(), state.count2(), now);
        if (first.full()) {
            return rejected(service, rules.first());
        }
        if (second.full()) {
            return rejected(service, rules.second());
        }
        Window nextFirst = first.accept(now);
        Window nextSecond = second.accept(now);
        return new RateDecision.Accepted(
                new RateState(nextFirst.start(), nextFirst.count(), nextSecond.start(), nextSecond.count()));
    }

    private static RateDecision rejected(String service, RateRule rule) {
        return new RateDecision.Rejected(rule.ttlSeconds(), "Limit of queued callbacks for " + service
                + " is reached for interval " + rule.ttlSeconds() + "s.");
    }

    /** One window as seen at {@code now}: a rule that is off has no window, an ended window counts nothing. */
    private record Window(RateRule rule, Instant start, int count) {

        static Window of(RateRule rule, Instant start, int count, Instant now) {
            // A start in the future (another node's clock is ahead) keeps the window open rather than reopening it.
            boolean open = rule.enabled() && start != null && now.isBefore(start.plusSeconds(rule.ttlSeconds()));
            return open ? new Window(rule, start, count) : new Window(rule, null, 0);
        }

        boolean full() {
            return rule.enabled() && count >= rule.limit();
        }

        Window accept(Instant now) {
            if (!rule.enabled()) {
                return this;
            }
            return start == null ? new Window(rule, now, 1) : new Window(rule, start, count + 1);
        }
    }
}
