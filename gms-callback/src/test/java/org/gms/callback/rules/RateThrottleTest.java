package org.gms.callback.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateThrottleTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final RateRules TWO_PER_10_THREE_PER_60 = new RateRules(new RateRule(2, 10), new RateRule(3, 60));

    private static RateState accept(RateState state, Instant now, RateRules rules) {
        RateDecision decision = RateThrottle.decide("svc", state, now, rules);
        assertThat(decision).isInstanceOf(RateDecision.Accepted.class);
        return ((RateDecision.Accepted) decision).next();
    }

    @Test
    void should_open_both_windows_when_there_is_no_state() {
        assertThat(RateThrottle.decide("svc", null, T0, TWO_PER_10_THREE_PER_60))
                .isEqualTo(new RateDecision.Accepted(new RateState(T0, 1, T0, 1)));
    }

    @Test
    void should_reject_with_the_first_ttl_when_both_windows_are_full() {
        RateState full = new RateState(T0, 2, T0, 3);
        assertThat(RateThrottle.decide("svc", full, T0.plusSeconds(5), TWO_PER_10_THREE_PER_60))
                .isEqualTo(rejected(10));
    }

    @Test
    void should_count_a_rejected_request_in_neither_window_when_the_first_is_full() {
        RateState state = accept(accept(null, T0, TWO_PER_10_THREE_PER_60), T0, TWO_PER_10_THREE_PER_60);
        assertThat(RateThrottle.decide("svc", state, T0.plusSeconds(1), TWO_PER_10_THREE_PER_60))
                .isInstanceOf(RateDecision.Rejected.class);
        // the rejected request left the second window at 2: one more fits once the first window ends
        RateState next = accept(state, T0.plusSeconds(10), TWO_PER_10_THREE_PER_60);
        assertThat(next).isEqualTo(new RateState(T0.plusSeconds(10), 1, T0, 3));
        assertThat(RateThrottle.decide("svc", next, T0.plusSeconds(11), TWO_PER_10_THREE_PER_60))
                .isEqualTo(rejected(60));
    }

    @Test
    void should_reopen_a_window_at_the_first_request_when_its_ttl_has_passed() {
        RateState full = new RateState(T0, 2, T0, 2);
        assertThat(RateThrottle.decide("svc", full, T0.plusMillis(9_999), TWO_PER_10_THREE_PER_60))
                .isInstanceOf(RateDecision.Rejected.class);
        assertThat(accept(full, T0.plusSeconds(10), TWO_PER_10_THREE_PER_60))
                .isEqualTo(new RateState(T0.plusSeconds(10), 1, T0, 3));
    }

    @Test
    void should_reject_every_request_when_a_limit_is_0() {
        RateRules closed = new RateRules(new RateRule(2, 10), new RateRule(0, 19));
        assertThat(RateThrottle.decide("svc", null, T0, closed))
                .isEqualTo(rejected(19));
        assertThat(RateThrottle.decide("svc", null, T0.plusSeconds(3600), closed))
                .isInstanceOf(RateDecision.Rejected.class);
    }

    @Test
    void should_ignore_a_rule_when_its_ttl_is_0() {
        RateRules firstOff = new RateRules(new RateRule(0, 0), new RateRule(3, 60));
        RateState state = null;
        for (int request = 0; request < 3; request++) {
            state = accept(state, T0, firstOff);
        }
        assertThat(state).isEqualTo(new RateState(null, 0, T0, 3));
        assertThat(RateThrottle.decide("svc", state, T0, firstOff)).isInstanceOf(RateDecision.Rejected.class);
    }

    @Test
    void should_keep_a_window_open_when_its_start_is_ahead_of_the_clock() {
        RateState startedByAFastNode = new RateState(T0.plusSeconds(2), 2, T0.plusSeconds(2), 2);
        assertThat(RateThrottle.decide("svc", startedByAFastNode, T0, TWO_PER_10_THREE_PER_60))
                .isInstanceOf(RateDecision.Rejected.class);
    }

    @Test
    void should_measure_an_open_window_with_the_new_ttl_when_the_ttl_changes() {
        RateState full = new RateState(T0, 2, T0, 2);
        RateRules shorter = new RateRules(new RateRule(2, 5), new RateRule(3, 60));
        assertThat(accept(full, T0.plusSeconds(5), shorter)).isEqualTo(new RateState(T0.plusSeconds(5), 1, T0, 3));
    }

    private static RateDecision rejected(int interval) {
        return new RateDecision.Rejected(interval,
                "Limit of queued callbacks for svc is reached for interval " + interval + "s.");
    }
}
