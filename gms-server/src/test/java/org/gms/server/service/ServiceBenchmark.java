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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.gms.server.GmsServer;
import org.gms.server.HttpTestClient;
import org.gms.server.TestServers;
import org.gms.storage.resource.RawLockWorkload;
import org.gms.storage.test.BenchRows;
import org.gms.storage.test.TestCassandra;

/**
 * Round trips of request-interaction followed by match-interaction of the returned number, against one node and a
 * CLUSTER pool on the test Cassandra node, next to the two lightweight transactions such a round trip costs at the
 * least (take a number's lock, release it) issued straight through the driver by as many clients for as long. Not a
 * test: {@code scripts/gms bench services} runs it (see README). Arguments: [clients (8)] [seconds (20)].
 */
public final class ServiceBenchmark {

    private static final int POOL = 500;
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final double RATIO_TARGET = 0.5;

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
        Result ours = measure(clients, measured, () -> roundTrip(http));
        System.out.println(ours.line("request+match round trips", clients));
        RawLockWorkload raw = new RawLockWorkload(TestCassandra.get());
        AtomicLong next = new AtomicLong();
        Result baseline = measure(clients, measured,
                () -> raw.takeAndRelease("raw-" + next.incrementAndGet(), "bench"));
        System.out.println(baseline.line("raw LWT insert+delete", clients));
        System.out.printf("ratio round trips/raw LWT pairs: %.2f (goal >= %.1f)%n",
                ours.perSecond() / baseline.perSecond(), RATIO_TARGET);
        BenchRows.print(BenchRows.relative("services request+match", ours.perSecond(), baseline.perSecond(),
                "round trips/s", RATIO_TARGET, "raw LWT insert+delete"));
        server.stop();
        System.exit(0);
    }

    /** {@code clients} threads repeat the call for the warm-up, then for {@code measured}; only the latter counts. */
    private static Result measure(int clients, Duration measured, BooleanSupplier call) throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        long warmEnd = System.nanoTime() + WARM_UP.toNanos();
        long end = warmEnd + measured.toNanos();
        ExecutorService executor = Executors.newFixedThreadPool(clients);
        for (int client = 0; client < clients; client++) {
            executor.submit(() -> {
                while (System.nanoTime() < end) {
                    long started = System.nanoTime();
                    if (!call.getAsBoolean()) {
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
        return new Result(sorted.size() / (double) measured.toSeconds(), percentile(sorted, 0.50),
                percentile(sorted, 0.99), failures.get());
    }

    private record Result(double perSecond, double p50, double p99, int failures) {
        String line(String name, int clients) {
            return String.format("%s: %d clients, %.0f per second, p50 %.1f ms, p99 %.1f ms, %d failures", name,
                    clients, perSecond, p50, p99, failures);
        }
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
