package org.gms.push.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gms.push.PushHarness;
import org.gms.push.PushSystems;
import org.gms.push.api.PublishRequest;
import org.gms.push.api.SubscribeRequest;
import org.gms.push.mock.HttpReceiver;
import org.gms.push.mock.HttpReceiver.Answer;
import org.gms.push.mock.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeliveryRetryIT {

    @RegisterExtension
    static final PushSystems SYSTEMS = new PushSystems();

    private HttpReceiver receiver;
    private PushSystem push;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpReceiver.startPlain();
        receiver.answerWith(request -> switch (request.path()) {
            case "/down" -> Answer.status(503);
            case "/gone" -> Answer.status(404);
            default -> Answer.ok();
        });
        PushHarness harness = SYSTEMS.harness().option("push", "pushEnabled", "httpcb");
        push = harness.start();
    }

    @AfterEach
    void stop() throws Exception {
        receiver.close();
    }

    @Test
    void should_retry_with_backoff_and_honour_retry_after_when_the_receiver_fails_transiently() throws Exception {
        receiver.enqueue(Answer.status(503), new Answer(429, Map.of("Retry-After", "1"), "{}"));
        String tag = PushHarness.tag();
        subscribe(tag, "/flaky");

        publish(tag);

        await().atMost(Duration.ofSeconds(15)).until(() -> push.metrics().sent("httpcb") == 1);
        List<RecordedRequest> attempts = receiver.received();
        assertThat(attempts).hasSize(3);
        assertThat(attempts).extracting(request -> request.header("X-GMS-Delivery-Id")).containsOnly(
                attempts.get(0).header("X-GMS-Delivery-Id"));
        assertThat(push.metrics().retried("httpcb")).isEqualTo(2);
        long afterRetryAfter = attempts.get(2).receivedNanos() - attempts.get(1).receivedNanos();
        assertThat(Duration.ofNanos(afterRetryAfter)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void should_give_up_after_the_bounded_number_of_attempts_when_the_receiver_stays_down() throws Exception {
        String tag = PushHarness.tag();
        String id = subscribe(tag, "/down");

        publish(tag);

        await().atMost(Duration.ofSeconds(15)).until(() -> push.metrics().failed("httpcb") == 1);
        assertThat(receiver.received()).hasSize(4);
        assertThat(push.metrics().retried("httpcb")).isEqualTo(3);
        assertThat(push.service().get(id)).isPresent();
    }

    @Test
    void should_remove_the_subscription_when_the_target_is_reported_unreachable() throws Exception {
        String tag = PushHarness.tag();
        String id = subscribe(tag, "/gone");

        publish(tag);

        await().atMost(Duration.ofSeconds(10)).until(() -> push.service().get(id).isEmpty());
        assertThat(push.metrics().rejected("httpcb")).isEqualTo(1);
        assertThat(receiver.received()).hasSize(1);
    }

    private String subscribe(String tag, String path) {
        return push.service().subscribe(new SubscribeRequest("", "s", null, receiver.url(path), "httpcb", Map.of(),
                null, 60, tag));
    }

    private void publish(String tag) throws Exception {
        assertThat(push.service().publish(new PublishRequest(tag, "m", null, Map.of())).get()).isEqualTo(1);
    }
}
