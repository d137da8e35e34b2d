package org.gms.server.service;

import static org.gms.server.service.ServiceTestSupport.builtin;
import static org.gms.server.service.ServiceTestSupport.group;
import static org.gms.server.service.ServiceTestSupport.object;
import static org.gms.server.service.ServiceTestSupport.post;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gms.server.GmsServer;
import org.gms.server.HttpTestClient;
import org.gms.server.TestServers;

/**
 * Round trips of request-interaction followed by match-interaction of the returned number, against one node and a
 * CLUSTER pool on the test Cassandra node. Not a test: run it by hand (see README), it prints one line of results.
 * Arguments: [clients (8)] [seconds (20)].
 */
public final class ServiceBenchmark {

    private static final int POOL = 500;
    private static final Duration WARM_UP = Duration.ofSeconds(3);

    private ServiceBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        int clients = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 8;
        Duration measured = Duration.ofSeconds(arguments.length > 1 ? Long.parseLong(arguments[1]) : 20);
        String[] numbers = new String[POOL];
        for (int index = 0; index < POOL; index++) {
            numbers[index] = Integer.toString(7900000 + index);
        }
        GmsServer server = builtin(builtin(TestServers.builder()
                        .list("GMS_Resources", Map.of("BENCH", group("CLUSTER", 30, numbers))),
                "request-interaction", "request-interaction", "_resource_group", "BENCH"),
                "match-interaction", "match-interaction").start();
        HttpTestClient http = new HttpTestClient(server);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        long warmEnd = System.nanoTime() + WARM_UP.toNanos();
        long end = warmEnd + measured.toNanos();
        ExecutorService executor = Executors.newFixedThreadPool(clients);
        for (int client = 0; client < clients; client++) {
            executor.submit(() -> {
                while (System.nanoTime() < end) {
                    long started = System.nanoTime();
                    if (!roundTrip(http)) {
                        failures.incrementAndGet();
                    } else if (started >= warmEnd) {
                        latencies.add(System.nanoTime() - started);
                    }
                }
            });
        }
        executor.shutdown();
        executor.awaitTermination(measured.plus(WARM_UP).plusSeconds(60).toSeconds(), TimeUnit.SECONDS);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double perSecond = sorted.size() / (double) measured.toSeconds();
        System.out.printf("request+match round trips: %d clients, %.0f per second, p50 %.1f ms, p99 %.1f ms,"
                        + " %d failures%n", clients, perSecond, percentile(sorted, 0.50), percentile(sorted, 0.99),
                failures.get());
        server.stop();
        System.exit(0);
    }

    private static boolean roundTrip(HttpTestClient http) {
        HttpResponse<String> created = post(http, "/1/service/request-interaction", null, "first_name", "bench");
        if (created.statusCode() != 200) {
            return false;
        }
        String number = (String) object(created).get("_access_number");
        return post(http, "/1/service/match-interaction", null, "_access_number", number).statusCode() == 200;
    }

    private static double percentile(List<Long> sorted, double fraction) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(fraction * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1_000_000.0;
    }
}
