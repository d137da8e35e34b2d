package org.gms.server.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.TestServers;
import org.gms.server.callback.WebhookReceiver.Answer;
import org.gms.server.callback.WebhookReceiver.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code _execution=webhook} against an in-process dialer: submission, retries, refusals, cancel, scheduling. */
class WebhookExecutionIT {

    /** Retries are scheduled by the job engine with a backoff of a few seconds. */
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final WebhookReceiver DIALER = WebhookReceiver.start();

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> {
        webhook(builder, "cb", "_webhook_authorization", "Bearer dialer-token");
        webhook(builder, "cb-retried");
        webhook(builder, "cb-failing", "_max_ors_submit_attempts", "3");
        webhook(builder, "cb-refused");
        webhook(builder, "cb-cancelled");
        webhook(builder, "cb-scheduled", "_request_execution_time_buffer", "2");
    });

    private final HttpTestClient http = gms.http();

    @AfterAll
    static void stopDialer() {
        DIALER.close();
    }

    @Test
    void should_queue_the_callback_with_the_session_id_of_the_answer_when_the_webhook_accepts_it() {
        DIALER.script("cb", new Answer(200, "{\"sessionId\":\"s-1\"}"));

        String id = create("cb", Map.of("_customer_number", "5115"));

        assertThat(record(id)).containsEntry("_callback_state", "QUEUED").containsEntry("_ors_session_id", "s-1");
        List<Received> posts = DIALER.received("cb");
        assertThat(posts).hasSize(1);
        Received submit = posts.get(0);
        assertThat(submit.event()).isEqualTo("submit");
        assertThat(submit.callback()).containsEntry("_id", id).containsEntry("_service_name", "cb")
                .containsEntry("_customer_number", "5115").containsEntry("_callback_state", "SCHEDULED")
                .containsKeys("_desired_time", "_expiration_time", "_url");
        assertThat(submit.authorization()).isEqualTo("Bearer dialer-token");
        assertThat(submit.contentType()).startsWith("application/json");
    }

    @Test
    void should_queue_the_callback_after_retries_when_the_webhook_is_unavailable_twice() {
        DIALER.script("cb-retried", new Answer(503, ""), new Answer(503, ""), new Answer(200, "{}"));

        String id = create("cb-retried", Map.of("_customer_number", "5116"));

        Callbacks.awaitState(http, id, "QUEUED", DEADLINE);
        assertThat(DIALER.received("cb-retried")).hasSize(3)
                .allSatisfy(post -> assertThat(post.callback()).containsEntry("_id", id));
        // no sessionId in the answer: a new id all the same
        assertThat((String) record(id).get("_ors_session_id")).isNotBlank();
    }

    @Test
    void should_fail_the_submission_after_max_attempts_when_the_webhook_keeps_failing() {
        DIALER.script("cb-failing", new Answer(500, ""));

        String id = create("cb-failing", Map.of("_customer_number", "5117"));

        Callbacks.awaitState(http, id, "COMPLETED", DEADLINE);
        assertThat(record(id)).containsEntry("_callback_reason", "SUBMIT_FAILED");
        assertThat(DIALER.received("cb-failing")).hasSize(3);
    }

    @Test
    void should_fail_the_submission_at_once_when_the_webhook_refuses_it() {
        DIALER.script("cb-refused", new Answer(400, "{\"error\":\"unknown campaign\"}"));

        String id = create("cb-refused", Map.of("_customer_number", "5118"));

        assertThat(record(id)).containsEntry("_callback_state", "COMPLETED")
                .containsEntry("_callback_reason", "SUBMIT_FAILED");
        assertThat(DIALER.received("cb-refused")).hasSize(1);
    }

    @Test
    void should_post_the_cancel_event_when_a_queued_webhook_callback_is_cancelled() {
        DIALER.script("cb-cancelled", new Answer(200, "{\"sessionId\":\"s-5\"}"));
        String id = create("cb-cancelled", Map.of("_customer_number", "5119"));
        assertThat(record(id)).containsEntry("_callback_state", "QUEUED");

        HttpResponse<String> cancelled = http.delete("/1/service/callback/cb-cancelled/" + id);

        assertThat(cancelled.statusCode()).isEqualTo(200);
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> DIALER.received("cb-cancelled").size() == 2);
        Received cancel = DIALER.received("cb-cancelled").get(1);
        assertThat(cancel.event()).isEqualTo("cancel");
        assertThat(cancel.callback()).containsEntry("_id", id).containsEntry("_callback_state", "COMPLETED")
                .containsEntry("_callback_reason", "CANCELLED").containsEntry("_ors_session_id", "s-5");
    }

    @Test
    void should_post_a_scheduled_callback_once_at_its_submission_time_when_it_is_not_due_at_creation() {
        DIALER.script("cb-scheduled", new Answer(200, "{\"sessionId\":\"s-6\"}"));
        // the wire time has milliseconds
        Instant desired = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);

        String id = create("cb-scheduled", Map.of("_customer_number", "5120",
                "_desired_time", Callbacks.time(desired)));

        assertThat(record(id)).containsEntry("_callback_state", "SCHEDULED");
        assertThat(DIALER.received("cb-scheduled")).isEmpty();
        Callbacks.awaitState(http, id, "QUEUED", DEADLINE);
        assertThat(record(id)).containsEntry("_ors_session_id", "s-6");
        List<Received> posts = DIALER.received("cb-scheduled");
        assertThat(posts).hasSize(1);
        // submitted _request_execution_time_buffer (2 s) before the desired time, not before
        assertThat(posts.get(0).at()).isAfterOrEqualTo(desired.minusSeconds(2));
        assertThat(posts.get(0).callback()).containsEntry("_id", id);
    }

    /** A callback service executed by the dialer's hook of the same name. */
    private static void webhook(TestServers builder, String name, String... options) {
        Callbacks.service(builder, name, "_execution", "webhook", "_webhook_url", DIALER.url(name));
        for (int index = 0; index < options.length; index += 2) {
            builder.option("service." + name, options[index], options[index + 1]);
        }
    }

    private String create(String service, Map<String, String> body) {
        return Callbacks.created(http, service, body);
    }

    private Map<String, Object> record(String id) {
        return Callbacks.record(http, id);
    }
}
