package org.gms.callback.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The queue limit cases of {@code LimitNumberQueuedCallbacksPerService} and the in-queue check. */
class QueueRulesTest {

    private static final String FULL = "Limit of queued callbacks for cb_gms-4060_imm is reached.";

    @Test
    void should_reject_the_first_request_when_the_limit_is_0() {
        QueueRules rules = new QueueRules(InQueueChecking.OFF, OptionalInt.of(0));
        assertThat(rules.queueLimitRejection("cb_gms-4060_imm", 0)).contains(FULL);
    }

    @Test
    void should_reject_the_second_request_and_accept_again_when_the_first_is_cancelled() {
        QueueRules rules = new QueueRules(InQueueChecking.OFF, OptionalInt.of(1));
        assertThat(rules.queueLimitRejection("cb_gms-4060_imm", 0)).isEmpty();
        assertThat(rules.queueLimitRejection("cb_gms-4060_imm", 1)).contains(FULL);
        // the cancel took the only queued callback out of the count
        assertThat(rules.queueLimitRejection("cb_gms-4060_imm", 0)).isEmpty();
    }

    @Test
    void should_accept_any_number_when_there_is_no_limit() {
        assertThat(new QueueRules(InQueueChecking.ON, OptionalInt.empty()).queueLimitRejection("svc", 1_000_000))
                .isEmpty();
    }

    @Test
    void should_refuse_a_customer_number_from_2_in_queue_when_on_and_from_1_when_strict() {
        assertThat(InQueueChecking.ON.rejects(1)).isFalse();
        assertThat(InQueueChecking.ON.rejects(2)).isTrue();
        assertThat(InQueueChecking.STRICT.rejects(0)).isFalse();
        assertThat(InQueueChecking.STRICT.rejects(1)).isTrue();
        assertThat(InQueueChecking.OFF.rejects(Long.MAX_VALUE)).isFalse();
    }
}
