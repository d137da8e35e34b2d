package org.gms.server.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gms.server.callback.Callbacks.created;
import static org.gms.server.callback.Callbacks.record;
import static org.gms.server.callback.Callbacks.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gms.server.GmsServer;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Scheduled callbacks of a node that dies: every one is submitted exactly once, by a node that runs on, or by a node
 * started after all their submission times passed. The submissions are counted by a webhook receiver.
 */
@Isolated("submission times to the second, and node takeover within seconds")
class CallbackRestartIT {

    private static final int CALLBACKS = 30;

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.noServer();

    private final String queue = "test-" + UUID.randomUUID();
    private WebhookReceiver receiver;

    @BeforeEach
    void receive() {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    private TestServers node() {
        TestServers builder = gms.builder()
                .option("cluster", "heartbeat-period", "1")
                .option("cluster", "job-queue", queue)
                .option("cluster", "job-poll-interval", "500")
                .option("cluster", "job-lease-ttl", "3");
        return Callbacks.service(builder, "dialer", "_execution", "webhook", "_request_execution_time_buffer", "0",
                "_webhook_url", receiver.url("dialer"));
    }

    @Test
    void should_submit_each_callback_once_when_its_node_dies_and_another_takes_over() throws Exception {
        GmsServer doomed = gms.start(node());
        GmsServer survivor = gms.start(node());
        List<String> ids = schedule(new HttpTestClient(doomed), Instant.now().plusSeconds(5));

        doomed.cluster().halt();
        doomed.stop();

        assertSubmittedOnce(ids, new HttpTestClient(survivor));
    }

    @Test
    void should_submit_each_callback_once_when_every_node_was_down_at_its_submission_time() throws Exception {
        GmsServer first = gms.start(node());
        Instant due = Instant.now().plusSeconds(12);
        List<String> ids = schedule(new HttpTestClient(first), due);
        first.cluster().halt();
        first.stop();
        assertThat(Instant.now()).as("the node died before the first submission time").isBefore(due);
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(due.plusSeconds(3)));
        assertThat(receiver.received("dialer")).isEmpty();

        GmsServer restarted = gms.start(node());

        assertSubmittedOnce(ids, new HttpTestClient(restarted));
    }

    private List<String> schedule(HttpTestClient http, Instant due) {
        List<String> ids = new ArrayList<>();
        for (int index = 0; index < CALLBACKS; index++) {
            ids.add(created(http, "dialer", Map.of("_customer_number", Integer.toString(4_000_000 + index),
                    "_desired_time", time(due.plusMillis(index * 10L)))));
        }
        return ids;
    }

    private void assertSubmittedOnce(List<String> ids, HttpTestClient http) {
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250))
                .until(() -> submissions().keySet().containsAll(ids));
        // for three more seconds, time for a second submission had there been one, every callback stays at one
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> submissions().values().stream().allMatch(count -> count == 1));
        Map<String, Integer> counts = submissions();
        assertThat(counts).hasSize(CALLBACKS);
        assertThat(counts.values()).containsOnly(1);
        for (String id : ids) {
            assertThat(record(http, id)).containsEntry("_callback_state", "QUEUED");
        }
    }

    private Map<String, Integer> submissions() {
        Map<String, Integer> counts = new HashMap<>();
        for (WebhookReceiver.Received received : receiver.received("dialer")) {
            if ("submit".equals(received.body().get("event"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> callback = (Map<String, Object>) received.body().get("callback");
                counts.merge((String) callback.get("_id"), 1, Integer::sum);
            }
        }
        return counts;
    }
}
