package org.gms.server.storage;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.gms.core.http.Json;
import org.gms.server.GmsServer;
import org.gms.server.TestServers;
import org.gms.storage.document.RawDocumentWorkload;
import org.gms.storage.test.BenchRows;
import org.gms.storage.test.TestCassandra;

/**
 * Storage API create+read throughput through HTTP next to the same writes and reads issued straight through the
 * driver, on one embedded test node, with p50/p99 latency of one create+read pair. Not a test:
 * {@code scripts/gms bench storage} runs it (see README). Arguments: [operations per run (4000)] [concurrency (8)].
 */
public final class StorageBenchmark {

    private static final int TTL = 300;
    private static final double RATIO_TARGET = 0.7;

    private StorageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int operations = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        TestCassandra cassandra = TestCassandra.get();
        GmsServer server = TestServers.builder().start();
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            URI base = server.localUri();
            Operation http = fields -> {
                HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(base + "/1/storage/" + TTL))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(),
                        HttpResponse.BodyHandlers.ofString());
                String id = Json.MAPPER.readTree(created.body()).get("id").asText();
                HttpResponse<String> read = client.send(HttpRequest.newBuilder(URI.create(base + "/1/storage/" + id))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                check(read.statusCode() == 200 && read.body().contains("value-2"), "HTTP read failed: " + read.body());
            };
            RawDocumentWorkload raw = new RawDocumentWorkload(cassandra);
            Operation driver = fields -> {
                String id = UUID.randomUUID().toString();
                raw.create(id, fields, TTL);
                check(raw.read(id).size() == fields.size(), "driver read failed");
            };
            run("warm-up driver", driver, operations / 4, concurrency);
            run("warm-up HTTP", http, operations / 4, concurrency);
            Result driverResult = run("driver", driver, operations, concurrency);
            Result httpResult = run("HTTP", http, operations, concurrency);
            System.out.printf("%nStorage create+read, %d pairs, concurrency %d, %d CPU cores%n", operations,
                    concurrency, Runtime.getRuntime().availableProcessors());
            System.out.println(driverResult.line("raw driver"));
            System.out.println(httpResult.line("HTTP API"));
            System.out.printf("ratio HTTP/driver throughput: %.2f%n", httpResult.throughput() / driverResult.throughput());
            BenchRows.print(BenchRows.relative("storage create+read", httpResult.throughput(),
                    driverResult.throughput(), "pairs/s", RATIO_TARGET, "raw driver"));
        } finally {
            server.stop();
        }
        System.exit(0);
    }

    private static Result run(String name, Operation operation, int count, int concurrency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int worker = 0; worker < concurrency; worker++) {
            workers.add(pool.submit(() -> {
                for (int index = next.getAndIncrement(); index < count; index = next.getAndIncrement()) {
                    Map<String, String> fields = fields(index);
                    long begin = System.nanoTime();
                    operation.run(fields);
                    latencies[index] = System.nanoTime() - begin;
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        long elapsed = System.nanoTime() - started;
        pool.shutdown();
        Arrays.sort(latencies);
        Result result = new Result(count * 1e9 / elapsed, latencies[count / 2] / 1e6, latencies[count * 99 / 100] / 1e6);
        System.out.println(result.line(name));
        return result;
    }

    private static Map<String, String> fields(int index) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_customer_number", "+1555" + index);
        fields.put("_subject", "order status for ticket " + index);
        fields.put("context", "value-2 " + "x".repeat(100));
        return fields;
    }

    private static String form(Map<String, String> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((key, value) -> body.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    @FunctionalInterface
    private interface Operation {
        void run(Map<String, String> fields) throws Exception;
    }

    private record Result(double throughput, double p50Millis, double p99Millis) {
        String line(String name) {
            return String.format("%-16s %8.0f pairs/s   p50 %6.2f ms   p99 %6.2f ms", name, throughput, p50Millis,
                    p99Millis);
        }
    }
}
