package org.gms.server.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.callback.Callbacks.create;
import static org.gms.server.callback.Callbacks.created;
import static org.gms.server.callback.Callbacks.object;
import static org.gms.server.callback.Callbacks.record;
import static org.gms.server.callback.Callbacks.service;
import static org.gms.server.callback.Callbacks.time;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.gms.server.GmsServer;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.TestServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;

/** Two nodes on one Cassandra: capacity exact across them, and scheduled callbacks submitted by either. */
@Isolated("a thousand concurrent requests, and submission times to the second")
class CallbackClusterIT {

    private static final int CAPACITY = 7;
    private static final int REQUESTS = 1000;
    private static final int CLIENTS = 32;

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(CallbackClusterIT::callbacks);

    private static GmsServer first;
    private static GmsServer second;

    @BeforeAll
    static void startSecondNode() throws Exception {
        first = gms.server();
        second = gms.start(callbacks(gms.builder()));
    }

    private static TestServers callbacks(TestServers builder) {
        service(builder, "slot", "_max_request_by_time_bucket", Integer.toString(CAPACITY),
                "_request_time_bucket", "30", "_throttle_request_parameters_limit", "100000");
        service(builder, "due", "_request_execution_time_buffer", "1");
        return builder;
    }

    @Test
    void should_accept_exactly_the_capacity_of_a_slot_when_two_nodes_take_a_thousand_creates_at_once()
            throws Exception {
        Instant slot = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        List<HttpTestClient> clients = List.of(new HttpTestClient(first), new HttpTestClient(second));
        ExecutorService executor = Executors.newFixedThreadPool(CLIENTS);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int index = 0; index < REQUESTS; index++) {
                HttpTestClient client = clients.get(index % 2);
                String desired = time(slot.plusSeconds(index % 1800));
                String number = Integer.toString(5_000_000 + index);
                answers.add(executor.submit(() -> create(client, "slot", Map.of("_customer_number", number,
                        "_desired_time", desired))));
            }
            List<String> accepted = new ArrayList<>();
            int full = 0;
            for (Future<HttpResponse<String>> future : answers) {
                HttpResponse<String> answer = future.get(120, TimeUnit.SECONDS);
                if (answer.statusCode() == 200) {
                    accepted.add((String) object(answer).get("_id"));
                } else {
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
                    assertThat(answer.body()).contains("is full");
                    full++;
                }
            }
            assertThat(accepted).hasSize(CAPACITY).doesNotHaveDuplicates();
            assertThat(full).isEqualTo(REQUESTS - CAPACITY);
        } finally {
            executor.shutdownNow();
        }
        Map<String, Object> free = object(gms.http().get("/2/service/callback/slot/availability?start="
                + time(slot) + "&max-time-slots=1&report-busy=true"));
        assertThat(free.get("slots").toString()).contains("capacity=0").contains("total=" + CAPACITY);
    }

    @Test
    void should_submit_every_scheduled_callback_when_two_nodes_run_the_job_engine() {
        HttpTestClient http = new HttpTestClient(first);
        Instant due = Instant.now().plusSeconds(4);
        Set<String> ids = new HashSet<>();
        for (int index = 0; index < 40; index++) {
            ids.add(created(index % 2 == 0 ? http : new HttpTestClient(second), "due",
                    Map.of("_customer_number", Integer.toString(6_000_000 + index), "_desired_time", time(due))));
        }
        Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(ids).allSatisfy(id ->
                        assertThat(record(http, id)).containsEntry("_callback_state", "QUEUED")));
    }
}
