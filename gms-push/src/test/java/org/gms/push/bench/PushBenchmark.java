package org.gms.push.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.gms.core.config.ConfigSnapshot;
import org.gms.push.api.CometDelivery;
import org.gms.push.api.PublishRequest;
import org.gms.push.api.SubscribeRequest;
import org.gms.push.config.HttpSettings;
import org.gms.push.config.NotificationSettings;
import org.gms.push.config.PushOptions;
import org.gms.push.config.PushSettings;
import org.gms.push.engine.EngineSettings;
import org.gms.push.engine.PushSystem;
import org.gms.push.provider.http.HttpSender;
import org.gms.storage.cassandra.Cql;
import org.gms.storage.test.BenchRows;
import org.gms.storage.test.TestCassandra;

/**
 * Sustained pushes per second through the whole engine (publish, outbox write, send, outcome write) to a loopback
 * receiver, p99 publish-to-delivery, and the rate of a plain HTTP client posting the same bodies to the same receiver
 * in the same run, after warm-up rounds over several measured rounds, with the CPU each JVM spent and how much of it
 * went to its JIT compiler. Not a test: {@code scripts/gms bench push} runs it (see README). Arguments: [warm-up
 * rounds (10, or {@code -Dbench.warmup})] [measured rounds (5, or {@code -Dbench.rounds})] [publishes per round
 * (400), each to 50 subscriptions].
 */
public final class PushBenchmark {

    private static final int SUBSCRIPTIONS = 50;
    private static final double RATIO_TARGET = 0.6;
    private static int publishes = 400;
    private static int plainRequests = SUBSCRIPTIONS * publishes;

    private static final AtomicInteger RECEIVED = new AtomicInteger();
    private static long[] latencies = new long[plainRequests];
    private static volatile CountDownLatch allReceived = new CountDownLatch(plainRequests);

    public static void main(String[] arguments) throws Exception {
        int warmUp = arguments.length > 0 ? Integer.parseInt(arguments[0]) : Integer.getInteger("bench.warmup", 10);
        int rounds = arguments.length > 1 ? Integer.parseInt(arguments[1]) : Integer.getInteger("bench.rounds", 5);
        publishes = arguments.length > 2 ? Integer.parseInt(arguments[2]) : 400;
        plainRequests = SUBSCRIPTIONS * publishes;
        Server receiver = receiver();
        String url = "http://127.0.0.1:" + ((ServerConnector) receiver.getConnectors()[0]).getLocalPort() + "/push";
        TestCassandra cassandra = TestCassandra.get();
        ProcessHandle node = ProcessHandle.current().children().findFirst().orElseThrow();
        ConfigSnapshot config = ConfigSnapshot.of(PushOptions.OPTIONS,
                Map.of("push", Map.of("pushEnabled", "customhttp", "customhttp.url", url)),
                Files.createTempDirectory("bench"));
        PushSystem push = PushSystem.start(new Cql(cassandra.session()), cassandra.settings().keyspace(),
                PushSettings.from(config), () -> NotificationSettings.from(config), CometDelivery.NONE,
                Clock.systemUTC(), EngineSettings.defaults("bench-" + UUID.randomUUID()));
        String tag = System.getProperty("bench.tag", "bench." + UUID.randomUUID());
        for (int index = 0; index < SUBSCRIPTIONS; index++) {
            push.service().subscribe(new SubscribeRequest("", "s" + index, null, "device-" + index, "customhttp",
                    Map.of(), null, 3600, tag));
        }
        // Both JVMs compile the hot paths for a while (the node's JIT alone takes 1-2.5 CPU-s per round at first), so
        // rounds are run until the rates settle and only the later ones are measured.
        URI target = URI.create(url);
        for (int round = 1; round <= warmUp; round++) {
            double plainRate = plain(target);
            Result result = engine(push, tag);
            System.out.printf("warm-up %d/%d       : plain %,.0f posts/s, push %,.0f pushes/s (node JIT %.1f CPU-s)%n",
                    round, warmUp, plainRate, result.rate(), result.usage().nodeJit());
        }
        double[] plainRates = new double[rounds];
        double[] pushRates = new double[rounds];
        double[] ratios = new double[rounds];
        long[] p99s = new long[rounds];
        for (int round = 0; round < rounds; round++) {
            Usage plainUsage = Usage.start(node);
            plainRates[round] = plain(target);
            plainUsage.stop();
            Result result = engine(push, tag);
            pushRates[round] = result.rate();
            ratios[round] = result.rate() / plainRates[round];
            long[] sorted = Arrays.copyOf(latencies, result.received());
            Arrays.sort(sorted);
            p99s[round] = percentile(sorted, 99);
            System.out.printf("round %d/%d%n", round + 1, rounds);
            System.out.printf("  plain HTTP client : %,.0f posts/s (%d posts; CPU s: %s)%n", plainRates[round],
                    plainRequests, plainUsage);
            System.out.printf("  push engine       : %,.0f pushes/s (%d pushes: %d publishes x %d subscriptions;"
                            + " all publishes acknowledged after %d ms; CPU s: %s)%n", result.rate(),
                    result.received(), publishes, SUBSCRIPTIONS, result.acknowledgedMillis(), result.usage());
            System.out.printf("  publish->delivery : p50 %d ms, p99 %d ms%n", percentile(sorted, 50), p99s[round]);
            System.out.printf("  ratio push/plain  : %.2f%n", ratios[round]);
        }
        System.out.printf("median of %d rounds: push %,.0f pushes/s (lowest %,.0f), plain %,.0f posts/s,"
                        + " ratio %.2f, p99 %d ms%n", rounds, median(pushRates), Arrays.stream(pushRates).min()
                        .orElse(0), median(plainRates), median(ratios),
                (long) median(Arrays.stream(p99s).asDoubleStream().toArray()));
        // every push and every plain post is one request to the receiver
        BenchRows.print(BenchRows.relative("push deliveries", median(pushRates), median(plainRates), "requests/s",
                RATIO_TARGET, "plain HTTP client"));
        push.close();
        receiver.stop();
        System.exit(0);
    }

    private static Result engine(PushSystem push, String tag) throws Exception {
        RECEIVED.set(0);
        latencies = new long[plainRequests];
        allReceived = new CountDownLatch(plainRequests);
        Usage usage = Usage.start(ProcessHandle.current().children().findFirst().orElseThrow());
        Semaphore inFlight = new Semaphore(64);
        long start = System.nanoTime();
        for (int index = 0; index < publishes; index++) {
            inFlight.acquire();
            push.service().publish(new PublishRequest(tag, Long.toString(System.nanoTime()), null, Map.of()))
                    .whenComplete((count, error) -> inFlight.release());
        }
        long acknowledged = System.nanoTime() - start;
        allReceived.await(5, TimeUnit.MINUTES);
        long elapsed = System.nanoTime() - start;
        usage.stop();
        return new Result(RECEIVED.get() / (elapsed / 1e9), RECEIVED.get(), TimeUnit.NANOSECONDS.toMillis(acknowledged),
                usage);
    }

    private record Result(double rate, int received, long acknowledgedMillis, Usage usage) {
    }

    /** CPU time spent by this JVM and by the Cassandra node between start and stop. */
    private static final class Usage {
        private final ProcessHandle node;
        private final long selfStart;
        private final long nodeStart;
        private final long selfJitStart;
        private final long nodeJitStart;
        private long selfEnd;
        private long nodeEnd;
        private long selfJitEnd;
        private long nodeJitEnd;

        private Usage(ProcessHandle node) {
            this.node = node;
            this.selfStart = cpu(ProcessHandle.current());
            this.nodeStart = cpu(node);
            this.selfJitStart = jit(ProcessHandle.current());
            this.nodeJitStart = jit(node);
        }

        static Usage start(ProcessHandle node) {
            return new Usage(node);
        }

        void stop() {
            selfEnd = cpu(ProcessHandle.current());
            nodeEnd = cpu(node);
            selfJitEnd = jit(ProcessHandle.current());
            nodeJitEnd = jit(node);
        }

        double self() {
            return (selfEnd - selfStart) / 1e9;
        }

        double node() {
            return (nodeEnd - nodeStart) / 1e9;
        }

        double nodeJit() {
            return (nodeJitEnd - nodeJitStart) / 1e9;
        }

        @Override
        public String toString() {
            return String.format("this JVM %.1f (JIT %.1f), Cassandra %.1f (JIT %.1f)", self(),
                    (selfJitEnd - selfJitStart) / 1e9, node(), nodeJit());
        }

        /** CPU time of the JIT compiler threads of a process, from /proc (Linux; 0 elsewhere). */
        private static long jit(ProcessHandle process) {
            java.io.File[] tasks = new java.io.File("/proc/" + process.pid() + "/task").listFiles();
            long ticks = 0;
            for (java.io.File task : tasks == null ? new java.io.File[0] : tasks) {
                try {
                    String stat = Files.readString(task.toPath().resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 Compi") || name.startsWith("C2 Compi")) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    // the thread ended in between
                }
            }
            return ticks * 10_000_000L; // USER_HZ is 100 on Linux
        }

        private static long cpu(ProcessHandle process) {
            return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }
    }

    private static double plain(URI url) throws Exception {
        HttpSender sender = new HttpSender(HttpSettings.defaults());
        Semaphore inFlight = new Semaphore(64);
        long start = System.nanoTime();
        for (int index = 0; index < plainRequests; index++) {
            inFlight.acquire();
            CompletableFuture<?> post = sender.postJson(url, Map.of(),
                    "{\"deviceId\":\"device-" + index + "\",\"message\":\"" + System.nanoTime() + "\"}");
            post.whenComplete((answer, error) -> inFlight.release());
        }
        inFlight.acquire(64);
        double rate = plainRequests / ((System.nanoTime() - start) / 1e9);
        sender.close();
        return rate;
    }

    private static Server receiver() throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                int at = body.indexOf("\"message\":\"") + 11;
                long sent = Long.parseLong(body.substring(at, body.indexOf('"', at)));
                int index = RECEIVED.getAndIncrement();
                if (index < latencies.length) {
                    latencies[index] = System.nanoTime() - sent;
                    allReceived.countDown();
                }
                response.setStatus(200);
                callback.succeeded();
                return true;
            }
        });
        server.start();
        return server;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return -1;
        }
        return Duration.ofNanos(sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)]).toMillis();
    }
}
