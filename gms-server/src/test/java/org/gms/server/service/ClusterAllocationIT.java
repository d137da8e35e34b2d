package org.gms.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.service.ServiceTestSupport.builtin;
import static org.gms.server.service.ServiceTestSupport.group;
import static org.gms.server.service.ServiceTestSupport.object;
import static org.gms.server.service.ServiceTestSupport.post;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.gms.server.GmsServer;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.TestServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;

/** CLUSTER pools shared by two server instances on one Cassandra. */
@Isolated("a thousand concurrent requests with a time budget, and a booking timeout to the second")
class ClusterAllocationIT {

    private static final int POOL = 50;
    private static final int REQUESTS = 1000;
    private static final int CLIENTS = 40;
    private static final int SHORT_TIMEOUT_SECONDS = 3;

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(ClusterAllocationIT::allocating);

    private static GmsServer first;
    private static GmsServer second;

    /** The second node of the class's cluster; the extension stops it after the class. */
    @BeforeAll
    static void startSecondNode() throws Exception {
        first = gms.server();
        second = gms.start(allocating(gms.builder()));
    }

    private static TestServers allocating(TestServers builder) {
        String[] numbers = new String[POOL];
        for (int index = 0; index < POOL; index++) {
            numbers[index] = Integer.toString(7300000 + index);
        }
        Map<String, Map<String, String>> groups = Map.of(
                "POOL", group("CLUSTER", 120, numbers),
                "SHORT", group("CLUSTER", SHORT_TIMEOUT_SECONDS, "7300100"));
        return builtin(builder.list("GMS_Resources", groups), "request-interaction", "request-interaction");
    }

    @Test
    void should_never_hand_one_number_to_two_live_bookings_when_two_nodes_allocate_concurrently() throws Exception {
        List<HttpTestClient> clients = List.of(new HttpTestClient(first), new HttpTestClient(second));
        ExecutorService executor = Executors.newFixedThreadPool(CLIENTS);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int index = 0; index < REQUESTS; index++) {
                HttpTestClient client = clients.get(index % 2);
                answers.add(executor.submit(() -> post(client, "/1/service/request-interaction", null,
                        "_resource_group", "POOL")));
            }
            Map<String, String> holders = new HashMap<>();
            int refused = 0;
            for (Future<HttpResponse<String>> future : answers) {
                HttpResponse<String> answer = future.get(60, TimeUnit.SECONDS);
                if (answer.statusCode() == 503) {
                    assertThat(answer.body()).contains("No more resources available in group [POOL]");
                    refused++;
                    continue;
                }
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                Map<String, Object> body = object(answer);
                String previous = holders.put((String) body.get("_access_number"), (String) body.get("_id"));
                assertThat(previous).as("number %s handed out twice", body.get("_access_number")).isNull();
            }
            assertThat(holders.size() + refused).isEqualTo(REQUESTS);
            assertThat(holders).isNotEmpty().hasSizeLessThanOrEqualTo(POOL);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void should_give_a_booking_back_to_the_pool_when_its_timeout_has_passed() {
        HttpTestClient http = new HttpTestClient(first);
        HttpTestClient other = new HttpTestClient(second);
        long booked = System.nanoTime();
        assertThat(post(http, "/1/service/request-interaction", null, "_resource_group", "SHORT").statusCode())
                .isEqualTo(200);
        long answered = System.nanoTime();
        AtomicLong lastRefusalSent = new AtomicLong(answered);
        Awaitility.await().atMost(Duration.ofSeconds(SHORT_TIMEOUT_SECONDS + 10)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    long sent = System.nanoTime();
                    int status = post(other, "/1/service/request-interaction", null, "_resource_group", "SHORT")
                            .statusCode();
                    if (status == 503) {
                        lastRefusalSent.set(sent);
                    }
                    return status == 200;
                });
        long availableAgain = System.nanoTime();
        // still held until (nearly) the timeout, free again within a second after it
        assertThat(Duration.ofNanos(availableAgain - booked))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(SHORT_TIMEOUT_SECONDS - 1));
        assertThat(Duration.ofNanos(lastRefusalSent.get() - answered))
                .isLessThanOrEqualTo(Duration.ofSeconds(SHORT_TIMEOUT_SECONDS + 1));
    }
}
