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
import org.gms.push.ConfigSource;
import org.gms.push.EngineSettings;
import org.gms.push.HttpSettings;
import org.gms.push.PublishRequest;
import org.gms.push.PushSystem;
import org.gms.push.SubscribeRequest;
import org.gms.push.comet.CometDelivery;
import org.gms.push.http.HttpSender;
import org.gms.storage.cassandra.Cql;
import org.gms.storage.test.TestCassandra;

/**
 * Sustained pushes per second through the whole engine (publish, outbox write, send, outcome write) to a loopback
 * receiver, p99 publish-to-delivery, and the rate of a plain HTTP client posting the same bodies to the same receiver
 * in the same run. Not a test: run it by hand (see README).
 */
public final class PushBenchmark {

    private static final int SUBSCRIPTIONS = 50;
    private static final int PUBLISHES = 400;
    private static final int PLAIN_REQUESTS = SUBSCRIPTIONS * PUBLISHES;

    private static final AtomicInteger RECEIVED = new AtomicInteger();
    private static long[] latencies = new long[PLAIN_REQUESTS];
    private static volatile CountDownLatch allReceived = new CountDownLatch(PLAIN_REQUESTS);

    public static void main(String[] arguments) throws Exception {
        Server receiver = receiver();
        String url = "http://127.0.0.1:" + ((ServerConnector) receiver.getConnectors()[0]).getLocalPort() + "/push";
        TestCassandra cassandra = TestCassandra.get();
        ProcessHandle node = ProcessHandle.current().children().findFirst().orElseThrow();
        PushSystem push = PushSystem.start(new Cql(cassandra.session()), cassandra.settings().keyspace(),
                ConfigSource.of(Map.of("push", Map.of("pushEnabled", "customhttp", "customhttp.url", url))),
                Files.createTempDirectory("bench"), CometDelivery.NONE, Clock.systemUTC(),
                EngineSettings.defaults("bench-" + UUID.randomUUID()), () -> 0);
        String tag = System.getProperty("bench.tag", "bench." + UUID.randomUUID());
        for (int index = 0; index < SUBSCRIPTIONS; index++) {
            push.service().subscribe(new SubscribeRequest("", "s" + index, null, "device-" + index, "customhttp",
                    Map.of(), null, 3600, tag));
        }
        // warm-up round (JIT, connection pools), not reported
        plain(URI.create(url));
        engine(push, tag);

        Usage plainUsage = Usage.start(node);
        double plainRate = plain(URI.create(url));
        plainUsage.stop();
        Result result = engine(push, tag);
        long[] sorted = Arrays.copyOf(latencies, result.received());
        Arrays.sort(sorted);
        System.out.printf("plain HTTP client : %,.0f posts/s (%d posts; CPU s: this JVM %.1f, Cassandra %.1f)%n",
                plainRate, PLAIN_REQUESTS, plainUsage.self(), plainUsage.node());
        System.out.printf("push engine       : %,.0f pushes/s (%d pushes: %d publishes x %d subscriptions;"
                        + " all publishes acknowledged after %d ms; CPU s: this JVM %.1f, Cassandra %.1f)%n",
                result.rate(), result.received(), PUBLISHES, SUBSCRIPTIONS, result.acknowledgedMillis(),
                result.usage().self(), result.usage().node());
        System.out.printf("publish->delivery : p50 %d ms, p99 %d ms%n", percentile(sorted, 50), percentile(sorted, 99));
        System.out.printf("ratio push/plain  : %.2f%n", result.rate() / plainRate);
        push.close();
        receiver.stop();
        System.exit(0);
    }

    private static Result engine(PushSystem push, String tag) throws Exception {
        RECEIVED.set(0);
        latencies = new long[PLAIN_REQUESTS];
        allReceived = new CountDownLatch(PLAIN_REQUESTS);
        Usage usage = Usage.start(ProcessHandle.current().children().findFirst().orElseThrow());
        Semaphore inFlight = new Semaphore(64);
        long start = System.nanoTime();
        for (int index = 0; index < PUBLISHES; index++) {
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
        private long selfEnd;
        private long nodeEnd;

        private Usage(ProcessHandle node) {
            this.node = node;
            this.selfStart = cpu(ProcessHandle.current());
            this.nodeStart = cpu(node);
        }

        static Usage start(ProcessHandle node) {
            return new Usage(node);
        }

        void stop() {
            selfEnd = cpu(ProcessHandle.current());
            nodeEnd = cpu(node);
        }

        double self() {
            return (selfEnd - selfStart) / 1e9;
        }

        double node() {
            return (nodeEnd - nodeStart) / 1e9;
        }

        private static long cpu(ProcessHandle process) {
            return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }
    }

    private static double plain(URI url) throws Exception {
        HttpSender sender = new HttpSender(HttpSettings.defaults());
        Semaphore inFlight = new Semaphore(64);
        long start = System.nanoTime();
        for (int index = 0; index < PLAIN_REQUESTS; index++) {
            inFlight.acquire();
            CompletableFuture<?> post = sender.postJson(url, Map.of(),
                    "{\"deviceId\":\"device-" + index + "\",\"message\":\"" + System.nanoTime() + "\"}");
            post.whenComplete((answer, error) -> inFlight.release());
        }
        inFlight.acquire(64);
        double rate = PLAIN_REQUESTS / ((System.nanoTime() - start) / 1e9);
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

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return -1;
        }
        return Duration.ofNanos(sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)]).toMillis();
    }
}
