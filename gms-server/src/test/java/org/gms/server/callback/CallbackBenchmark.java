package org.gms.server.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.gms.server.GmsServer;
import org.gms.server.HttpTestClient;
import org.gms.server.TestServers;
import org.gms.storage.test.BenchRows;

/**
 * Two measures of the callback service on one node and the test Cassandra node, printed with their targets:
 * scheduled creates per second through office-hours, capacity and slot checks (target 500/s, p99 50 ms), and the
 * lateness of submission for callbacks all due within one minute, observed by a webhook receiver (target p99 1 s).
 * Not a test: {@code scripts/gms bench callback} runs it (see README). Arguments: [creates (5000)] [clients (16)]
 * [callbacks due (10000)] [seconds over which they fall due (60)].
 */
public final class CallbackBenchmark {

    private static final double CREATE_TARGET = 500;
    private static final double CREATE_P99_TARGET_MS = 50;
    private static final double LATENESS_P99_TARGET_MS = 1000;

    private CallbackBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        int creates = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 5000;
        int clients = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 16;
        int due = arguments.length > 2 ? Integer.parseInt(arguments[2]) : 10_000;
        Duration window = Duration.ofSeconds(arguments.length > 3 ? Long.parseLong(arguments[3]) : 60);
        Map<String, Instant> arrivals = new ConcurrentHashMap<>();
        Map<String, Instant> submitTimes = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        HttpServer receiver = receiver(arrivals, submitTimes, duplicates);
        TestServers builder = TestServers.builder();
        builder.option("service.bh", "_type", "builtin").option("service.bh", "_service", "office-hours")
                .option("service.bh", "_bh_regular1", "Mon-Sun 00:00-24:00");
        builder.option("service.cap", "_type", "builtin").option("service.cap", "_service", "capacity")
                .option("service.cap", "_capacity", "[Mon-Sun]")
                .option("service.cap", "_capacity_1", hourly(1000));
        Callbacks.service(builder, "bench", "_business_hours_service", "bh", "_capacity_service", "cap",
                "_request_time_bucket", "5", "_max_request_by_time_bucket", "1000",
                "_reject_future_desired_time", "1y");
        Callbacks.service(builder, "due", "_execution", "webhook", "_request_execution_time_buffer", "0",
                "_max_request_by_time_bucket", "100000",
                "_webhook_url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                "_throttle_callbacks_per_service_1", "1000000", "_throttle_callbacks_per_service_2", "1000000");
        GmsServer server = builder.start();
        long cpuBefore = cpuNanos();
        try {
            HttpTestClient http = new HttpTestClient(server);
            Result warm = creates(http, "bench", Math.max(200, creates / 10), clients, 0);
            Result measured = creates(http, "bench", creates, clients, 1_000_000);
            System.out.printf("%nCallback creates (office hours + capacity + slot seat), %d creates, %d clients,"
                    + " %d CPU cores%n", creates, clients, Runtime.getRuntime().availableProcessors());
            System.out.printf("  warm-up: %.0f/s; measured: %.0f/s (target %.0f, ratio %.2f), p50 %.1f ms,"
                            + " p99 %.1f ms (target %.0f), %d failures%n", warm.perSecond(), measured.perSecond(),
                    CREATE_TARGET, measured.perSecond() / CREATE_TARGET, measured.p50(), measured.p99(),
                    CREATE_P99_TARGET_MS, measured.failures());

            // every callback is created before the first is due: creation runs at 250-300/s on 2 cores
            Instant first = Instant.now().plusSeconds(due / 100 + Math.min(30, window.toSeconds() / 2))
                    .truncatedTo(ChronoUnit.SECONDS);
            Result scheduled = schedule(http, due, clients, first, window, submitTimes);
            Instant last = first.plus(window);
            long deadline = System.nanoTime() + Duration.between(Instant.now(), last).plusSeconds(60).toNanos();
            while (arrivals.size() < due && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            List<Long> lateness = new ArrayList<>();
            arrivals.forEach((id, arrived) -> {
                Instant expected = submitTimes.get(id);
                if (expected != null) {
                    lateness.add(Math.max(0, Duration.between(expected, arrived).toMillis()));
                }
            });
            Collections.sort(lateness);
            System.out.printf("%nSubmission lateness, %d callbacks due within %d s (created at %.0f/s):%n",
                    due, window.toSeconds(), scheduled.perSecond());
            System.out.printf("  submitted %d of %d, %d submitted twice; p50 %d ms, p99 %d ms (target %.0f),"
                            + " max %d ms%n", arrivals.size(), due, duplicates.get(), at(lateness, 0.50),
                    at(lateness, 0.99), LATENESS_P99_TARGET_MS, lateness.isEmpty() ? 0
                            : lateness.get(lateness.size() - 1));
            System.out.printf("  server JVM CPU: %.1f s%n", (cpuNanos() - cpuBefore) / 1e9);
            BenchRows.print(BenchRows.atLeast("callback creates", measured.perSecond(), "creates/s",
                    CREATE_TARGET));
            BenchRows.print(BenchRows.atMost("callback create p99", measured.p99(), "ms", CREATE_P99_TARGET_MS));
            // a callback never submitted is infinitely late
            int missing = due - lateness.size();
            List<Long> all = new ArrayList<>(lateness);
            all.addAll(Collections.nCopies(Math.max(0, missing), Long.MAX_VALUE));
            long p99 = at(all, 0.99);
            double latenessP99 = p99 == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : p99;
            BenchRows.print(BenchRows.atMost("callback submission lateness p99" + (missing > 0
                    ? " (" + lateness.size() + " of " + due + " submitted)" : ""), latenessP99, "ms",
                    LATENESS_P99_TARGET_MS));
        } finally {
            server.stop();
            receiver.stop(0);
        }
        System.exit(0);
    }

    private record Result(double perSecond, double p50, double p99, int failures) {
    }

    private static Result creates(HttpTestClient http, String service, int count, int clients, int offset)
            throws InterruptedException {
        Instant base = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        return run(count, clients, index -> {
            // spread over 5-minute slots so that none fills up: the capacity check still runs for each
            Instant desired = base.plusSeconds((long) (offset + index) * 7 % (300L * 24 * 12 * 30));
            return Callbacks.create(http, service, Map.of("_customer_number", Integer.toString(1_000_000 + index
                    + offset), "_desired_time", Callbacks.time(desired)));
        });
    }

    private static Result schedule(HttpTestClient http, int count, int clients, Instant first, Duration window,
                                   Map<String, Instant> submitTimes) throws InterruptedException {
        return run(count, clients, index -> {
            Instant desired = first.plusMillis(window.toMillis() * index / count);
            HttpResponse<String> answer = Callbacks.create(http, "due", Map.of("_customer_number",
                    Integer.toString(2_000_000 + index), "_desired_time", Callbacks.time(desired)));
            if (answer.statusCode() == 200) {
                submitTimes.put((String) Callbacks.object(answer).get("_id"), desired);
            }
            return answer;
        });
    }

    private interface Call {
        HttpResponse<String> send(int index);
    }

    private static Result run(int count, int clients, Call call) throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        AtomicLong next = new AtomicLong();
        ExecutorService executor = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        for (int client = 0; client < clients; client++) {
            executor.submit(() -> {
                for (long index = next.getAndIncrement(); index < count; index = next.getAndIncrement()) {
                    long begin = System.nanoTime();
                    HttpResponse<String> answer = call.send((int) index);
                    if (answer.statusCode() == 200) {
                        latencies.add(System.nanoTime() - begin);
                    } else {
                        failures.incrementAndGet();
                    }
                }
            });
        }
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(sorted.size() / seconds, at(sorted, 0.50) / 1e6, at(sorted, 0.99) / 1e6, failures.get());
    }

    private static HttpServer receiver(Map<String, Instant> arrivals, Map<String, Instant> submitTimes,
                                       AtomicInteger duplicates) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/hook", exchange -> {
            Instant arrived = Instant.now();
            JsonNode body = Callbacks.JSON.readTree(exchange.getRequestBody());
            if ("submit".equals(body.path("event").asText())) {
                String id = body.path("callback").path("_id").asText();
                if (arrivals.putIfAbsent(id, arrived) != null) {
                    duplicates.incrementAndGet();
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String hourly(int capacity) {
        StringBuilder hours = new StringBuilder("{\"1\":{");
        for (int hour = 0; hour < 24; hour++) {
            hours.append(hour == 0 ? "" : ",").append(String.format("\"%02d00\":%d", hour, capacity));
        }
        return hours.append("}}").toString();
    }

    private static long at(List<Long> sorted, double fraction) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(fraction * sorted.size()) - 1);
        return sorted.get(Math.max(0, index));
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
