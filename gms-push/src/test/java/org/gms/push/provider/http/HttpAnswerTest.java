package org.gms.push.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.gms.push.api.PushResult;
import org.gms.push.api.TransientPushException;
import org.junit.jupiter.api.Test;

class HttpAnswerTest {

    @Test
    void should_classify_statuses_as_sent_rejected_failed_or_transient() {
        assertThat(new HttpAnswer(204, null, "").toResult("u")).isInstanceOf(PushResult.Sent.class);
        assertThat(new HttpAnswer(410, null, "").toResult("u")).isInstanceOf(PushResult.Rejected.class);
        assertThat(new HttpAnswer(404, null, "").toResult("u")).isInstanceOf(PushResult.Rejected.class);
        assertThat(new HttpAnswer(400, null, "").toResult("u")).isInstanceOf(PushResult.Failed.class);
        assertThatThrownBy(() -> new HttpAnswer(503, null, "").toResult("u"))
                .isInstanceOf(TransientPushException.class);
    }

    @Test
    void should_read_retry_after_in_seconds_when_the_service_throttles() {
        TransientPushException failure = new HttpAnswer(429, "7", "").transientFailure("u");
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(new HttpAnswer(429, "soon", "").retryAfterDuration()).isEmpty();
    }
}
