package org.gms.server.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.callback.Callbacks.array;
import static org.gms.server.callback.Callbacks.awaitState;
import static org.gms.server.callback.Callbacks.created;
import static org.gms.server.callback.Callbacks.object;
import static org.gms.server.callback.Callbacks.record;
import static org.gms.server.callback.Callbacks.service;
import static org.gms.server.callback.Callbacks.state;
import static org.gms.server.callback.Callbacks.time;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.security.auth.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The agent side of {@code _execution=queue} over HTTP: the list of waiting callbacks, claims with {@code next}
 * (two agents racing for them), {@code connected}, {@code complete} with a reason or a retry, and the claim timeout.
 * Each test works its own virtual queues, served by agents of its own, so no test takes another's callbacks.
 */
class CallbackAgentIT {

    static final String CB = "cb_agent";
    static final String RETRY = "cb_retry";
    static final String CLAIM = "cb_claim";
    static final String PASSWORD = "agent-password";
    static final int RACED_CALLBACKS = 20;
    static final WebhookReceiver DIALER = WebhookReceiver.start();

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> {
        service(builder, CB);
        service(builder, RETRY, "_dial_retry_timeout", "1", "_max_dial_attempts", "2");
        service(builder, CLAIM, "_agent_claim_timeout", "2");
        // a dialer holds its queued callbacks: agents never see them
        service(builder, "cb_dialer", "_execution", "webhook", "_webhook_url", DIALER.url("dialer"));
        builder.user("lister", Role.AGENT, PASSWORD, "VQ_LIST_1", "VQ_LIST_2")
                .user("helper", Role.AGENT, PASSWORD, "VQ_LIST_3")
                .user("everywhere", Role.AGENT, PASSWORD)
                .user("orderly", Role.AGENT, PASSWORD, "VQ_ORDER")
                .user("racer-1", Role.AGENT, PASSWORD, "VQ_RACE")
                .user("racer-2", Role.AGENT, PASSWORD, "VQ_RACE")
                .user("worker", Role.AGENT, PASSWORD, "VQ_WORK")
                .user("dialer-1", Role.AGENT, PASSWORD, "VQ_RETRY_1")
                .user("dialer-2", Role.AGENT, PASSWORD, "VQ_RETRY_2")
                .user("slow", Role.AGENT, PASSWORD, "VQ_CLAIM")
                .user("owner", Role.AGENT, PASSWORD, "VQ_OWN")
                .user("intruder", Role.AGENT, PASSWORD, "VQ_OWN")
                .user("sue", Role.SUPERVISOR, "sue-password", "VQ_NOBODY");
    });

    private final HttpTestClient http = gms.http();

    @AfterAll
    static void stopDialer() {
        DIALER.close();
    }

    @Test
    void should_offer_agents_only_callbacks_that_wait_for_them() {
        String waiting = created(http, CB, queue("7101", "VQ_EXECUTIONS"));
        String dialed = created(http, "cb_dialer", queue("7102", "VQ_EXECUTIONS"));
        assertThat(state(http, dialed)).isEqualTo("QUEUED");

        List<Object> listed = ids(agent("everywhere").get("/1/agent/callbacks"));

        assertThat(listed).contains(waiting).doesNotContain(dialed);
    }

    @Test
    void should_list_only_the_queued_callbacks_of_the_agents_queues() {
        String claimedByHelper = created(http, CB, queue("7001", "VQ_LIST_3"));
        assertThat(object(next("helper"))).containsEntry("_id", claimedByHelper);
        String first = created(http, CB, queue("7002", "VQ_LIST_1"));
        String second = created(http, CB, queue("7003", "VQ_LIST_2"));
        String elsewhere = created(http, CB, queue("7004", "VQ_ELSEWHERE"));
        String scheduled = created(http, CB, Map.of("_customer_number", "7005", "_urs_virtual_queue", "VQ_LIST_1",
                "_desired_time", time(Instant.now().plus(2, ChronoUnit.HOURS))));
        String cancelled = created(http, CB, queue("7006", "VQ_LIST_1"));
        assertThat(http.delete("/1/service/callback/" + CB + "/" + cancelled).statusCode()).isEqualTo(200);

        HttpResponse<String> listed = agent("lister").get("/1/agent/callbacks");
        List<Object> everywhere = ids(agent("everywhere").get("/1/agent/callbacks"));

        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(ids(listed)).containsExactly(first, second);
        assertThat(array(listed).get(0)).containsEntry("_callback_state", "QUEUED")
                .containsEntry("_urs_virtual_queue", "VQ_LIST_1").containsEntry("_customer_number", "7002");
        assertThat(everywhere).contains(first, second, elsewhere).doesNotContain(claimedByHelper, scheduled,
                cancelled);
    }

    @Test
    void should_claim_the_oldest_desired_time_first_and_answer_204_when_none_waits() {
        Instant now = Instant.now();
        String inAMinute = created(http, CB, Map.of("_customer_number", "7101", "_urs_virtual_queue", "VQ_ORDER",
                "_desired_time", time(now.plusSeconds(60))));
        String inHalfAMinute = created(http, CB, Map.of("_customer_number", "7102", "_urs_virtual_queue",
                "VQ_ORDER", "_desired_time", time(now.plusSeconds(30))));
        String immediate = created(http, CB, queue("7103", "VQ_ORDER"));
        String aMinuteAgo = created(http, CB, Map.of("_customer_number", "7104", "_urs_virtual_queue", "VQ_ORDER",
                "_desired_time", time(now.minusSeconds(60))));

        List<Object> claimed = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            HttpResponse<String> answer = next("orderly");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(object(answer)).containsEntry("_callback_state", "ROUTING")
                    .containsEntry("_agent_id", "orderly");
            claimed.add(object(answer).get("_id"));
        }
        HttpResponse<String> none = next("orderly");

        assertThat(claimed).containsExactly(aMinuteAgo, immediate, inHalfAMinute, inAMinute);
        assertThat(record(http, immediate)).containsEntry("_callback_state", "ROUTING")
                .containsEntry("_agent_id", "orderly");
        assertThat(none.statusCode()).isEqualTo(204);
        assertThat(none.body()).isEmpty();
    }

    @Test
    void should_give_each_callback_to_exactly_one_agent_when_two_agents_race_for_next() throws Exception {
        List<String> waiting = new ArrayList<>();
        for (int index = 0; index < RACED_CALLBACKS; index++) {
            waiting.add(created(http, CB, queue(Integer.toString(7200 + index), "VQ_RACE")));
        }
        // each agent signs in before the race, as a desktop does: first checks of a password are made one at a
        // time and a burst of them is refused, which is not what this test is about
        assertThat(agent("racer-1").get("/1/agent/callbacks").statusCode()).isEqualTo(200);
        assertThat(agent("racer-2").get("/1/agent/callbacks").statusCode()).isEqualTo(200);
        Map<String, List<String>> claims = new ConcurrentHashMap<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService racers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int call = 0; call < RACED_CALLBACKS * 3; call++) {
                String agent = call % 2 == 0 ? "racer-1" : "racer-2";
                calls.add(racers.submit(() -> {
                    HttpResponse<String> answer = next(agent);
                    statuses.add(answer.statusCode());
                    if (answer.statusCode() == 200) {
                        Map<String, Object> claimed = object(answer);
                        assertThat(claimed).containsEntry("_agent_id", agent);
                        claims.computeIfAbsent((String) claimed.get("_id"), id -> new java.util.concurrent
                                .CopyOnWriteArrayList<>()).add(agent);
                    }
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get(60, TimeUnit.SECONDS);
            }
        } finally {
            racers.shutdownNow();
        }

        assertThat(statuses).containsOnly(200, 204);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(RACED_CALLBACKS);
        assertThat(claims.keySet()).containsExactlyInAnyOrderElementsOf(waiting);
        assertThat(claims.values()).allSatisfy(agents -> assertThat(agents).hasSize(1));
        for (String id : waiting) {
            assertThat(record(http, id)).containsEntry("_callback_state", "ROUTING")
                    .containsEntry("_agent_id", claims.get(id).get(0));
        }
        assertThat(next("racer-1").statusCode()).isEqualTo(204);
    }

    @Test
    void should_be_processing_when_connected_and_completed_with_the_reason_given_when_complete() {
        HttpTestClient worker = agent("worker");
        String connected = created(http, CB, queue("7301", "VQ_WORK"));
        String unreached = created(http, CB, queue("7302", "VQ_WORK"));

        assertThat(object(next("worker"))).containsEntry("_id", connected);
        HttpResponse<String> processing = worker.postForm("/1/agent/callbacks/" + connected + "/connected",
                Map.of());
        HttpResponse<String> done = worker.postForm("/1/agent/callbacks/" + connected + "/complete", Map.of());
        assertThat(object(next("worker"))).containsEntry("_id", unreached);
        HttpResponse<String> busy = worker.postForm("/1/agent/callbacks/" + unreached + "/complete",
                Map.of("reason", "CUSTOMER_BUSY"));

        assertThat(processing.statusCode()).as(processing.body()).isEqualTo(200);
        assertThat(object(processing)).containsEntry("_callback_state", "PROCESSING");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(record(http, connected)).containsEntry("_callback_state", "COMPLETED")
                .containsEntry("_callback_reason", "AGENT_CONNECTED");
        assertThat(busy.statusCode()).as(busy.body()).isEqualTo(200);
        assertThat(record(http, unreached)).containsEntry("_callback_state", "COMPLETED")
                .containsEntry("_callback_reason", "CUSTOMER_BUSY");
        assertThat(worker.postForm("/1/agent/callbacks/" + connected + "/complete", Map.of()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void should_schedule_the_callback_again_and_queue_it_after_the_retry_timeout_when_completed_with_retry() {
        String id = created(http, RETRY, queue("7401", "VQ_RETRY_1"));
        assertThat(object(next("dialer-1"))).containsEntry("_id", id);

        HttpResponse<String> retried = agent("dialer-1").postForm("/1/agent/callbacks/" + id + "/complete",
                Map.of("retry", "true"));

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(object(retried)).containsEntry("_callback_state", "SCHEDULED").doesNotContainKey("_agent_id");
        awaitState(http, id, "QUEUED", Duration.ofSeconds(10));
        assertThat(object(next("dialer-1"))).containsEntry("_id", id);
    }

    @Test
    void should_fail_the_call_to_the_customer_when_the_last_dial_attempt_is_retried() {
        HttpTestClient dialer = agent("dialer-2");
        String id = created(http, RETRY, queue("7402", "VQ_RETRY_2"));
        assertThat(object(next("dialer-2"))).containsEntry("_id", id);
        assertThat(dialer.postForm("/1/agent/callbacks/" + id + "/complete", Map.of("retry", "true"))
                .statusCode()).isEqualTo(200);
        awaitState(http, id, "QUEUED", Duration.ofSeconds(10));
        assertThat(object(next("dialer-2"))).containsEntry("_id", id);

        HttpResponse<String> last = dialer.postForm("/1/agent/callbacks/" + id + "/complete",
                Map.of("retry", "true"));

        assertThat(last.statusCode()).as(last.body()).isEqualTo(200);
        assertThat(record(http, id)).containsEntry("_callback_state", "COMPLETED")
                .containsEntry("_callback_reason", "FAIL_CALL_TO_CUSTOMER");
        assertThat(next("dialer-2").statusCode()).isEqualTo(204);
    }

    @Test
    void should_give_a_claimed_callback_back_to_its_queue_when_its_agent_does_not_connect_in_time() {
        String id = created(http, CLAIM, queue("7501", "VQ_CLAIM"));
        Instant claimed = Instant.now();
        assertThat(object(next("slow"))).containsEntry("_id", id);
        assertThat(state(http, id)).isEqualTo("ROUTING");

        // the first jobs after a start may run a few seconds late while the job engine looks back for old ones
        awaitState(http, id, "QUEUED", Duration.ofSeconds(15));

        assertThat(Instant.now()).isAfter(claimed.plusSeconds(2));
        assertThat(record(http, id)).doesNotContainKey("_agent_id");
        assertThat(ids(agent("slow").get("/1/agent/callbacks"))).containsExactly(id);
        assertThat(object(next("slow"))).containsEntry("_id", id).containsEntry("_callback_state", "ROUTING");
    }

    @Test
    void should_answer_400_when_an_agent_reports_on_a_callback_another_agent_claimed() {
        String id = created(http, CB, queue("7601", "VQ_OWN"));
        assertThat(object(next("owner"))).containsEntry("_id", id);
        HttpTestClient intruder = agent("intruder");

        HttpResponse<String> connect = intruder.postForm("/1/agent/callbacks/" + id + "/connected", Map.of());
        HttpResponse<String> complete = intruder.postForm("/1/agent/callbacks/" + id + "/complete", Map.of());
        HttpResponse<String> retry = intruder.postForm("/1/agent/callbacks/" + id + "/complete",
                Map.of("retry", "true"));

        assertThat(connect.statusCode()).isEqualTo(400);
        assertThat(object(connect)).containsEntry("exception",
                "com.genesyslab.gsg.services.callback.exceptions.CallbackException");
        assertThat(complete.statusCode()).isEqualTo(400);
        assertThat(retry.statusCode()).isEqualTo(400);
        assertThat(record(http, id)).containsEntry("_callback_state", "ROUTING").containsEntry("_agent_id", "owner");
        assertThat(agent("owner").postForm("/1/agent/callbacks/" + id + "/connected", Map.of()).statusCode())
                .isEqualTo(200);
        assertThat(intruder.postForm("/1/agent/callbacks/" + id + "/complete", Map.of()).statusCode())
                .isEqualTo(400);
        assertThat(state(http, id)).isEqualTo("PROCESSING");
    }

    @Test
    void should_let_every_user_but_no_anonymous_client_use_the_agent_api() {
        assertThat(http.get("/1/agent/callbacks").statusCode()).isEqualTo(401);
        assertThat(http.postForm("/1/agent/callbacks/next", Map.of()).statusCode()).isEqualTo(401);
        assertThat(http.as("sue", "sue-password").get("/1/agent/callbacks").statusCode()).isEqualTo(200);
        assertThat(http.as("sue", "sue-password").postForm("/1/agent/callbacks/next", Map.of()).statusCode())
                .isEqualTo(204);
        assertThat(http.admin().get("/1/agent/callbacks").statusCode()).isEqualTo(200);
        assertThat(agent("worker").postForm("/1/agent/callbacks/1-00000000-0000-0000-0000-000000000000/connected",
                Map.of()).statusCode()).isEqualTo(404);
    }

    private HttpTestClient agent(String name) {
        return http.as(name, name.equals("sue") ? "sue-password" : PASSWORD);
    }

    private HttpResponse<String> next(String agent) {
        return agent(agent).postForm("/1/agent/callbacks/next", Map.of());
    }

    private static Map<String, String> queue(String customer, String queue) {
        return Map.of("_customer_number", customer, "_urs_virtual_queue", queue);
    }

    private static List<Object> ids(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return array(answer).stream().map(callback -> callback.get("_id")).toList();
    }
}
