package org.gms.push.engine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Counters per push type, and per named provider and type: sent, rejected, failed, retried, and the
 * publish-to-delivery latency (average, maximum, and p50/p99 from a histogram of power-of-two millisecond buckets, so
 * reading them never stops the writers). A push through {@code [push.provider.ors]} of type {@code httpcb} counts under
 * {@code httpcb} and under {@code ors/httpcb}.
 */
public final class PushMetrics {

    private static final int BUCKETS = 24;

    private final Map<String, Counters> byType = new ConcurrentHashMap<>();

    void recordSent(String type, String provider, Duration latency) {
        long micros = latency.toNanos() / 1000;
        record(type, provider, counters -> counters.sent(micros));
    }

    void recordRejected(String type, String provider) {
        record(type, provider, counters -> counters.rejected.increment());
    }

    void recordFailed(String type, String provider) {
        record(type, provider, counters -> counters.failed.increment());
    }

    void recordRetried(String type, String provider) {
        record(type, provider, counters -> counters.retried.increment());
    }

    /** Counts under the type, and under the named provider's type when the push went through one. */
    private void record(String type, String provider, Consumer<Counters> count) {
        count.accept(counters(type));
        if (!provider.isEmpty()) {
            count.accept(counters(named(provider, type)));
        }
    }

    /** The key of a named provider's counters: provider names hold no {@code /}. */
    public static String named(String provider, String type) {
        return provider + "/" + type;
    }

    /** Bucket {@code b} holds latencies under 2^b ms (bucket 0: under 1 ms); the last one holds the rest. */
    static int bucket(long millis) {
        return Math.min(BUCKETS - 1, 64 - Long.numberOfLeadingZeros(Math.max(0, millis)));
    }

    /** The upper bound in ms of the bucket holding the given percentile of sent pushes (0 when none). */
    public long latencyPercentileMillis(String type, int percent) {
        LongAdder[] histogram = counters(type).histogram;
        long total = 0;
        long[] counts = new long[BUCKETS];
        for (int index = 0; index < BUCKETS; index++) {
            counts[index] = histogram[index].sum();
            total += counts[index];
        }
        long wanted = (total * percent + 99) / 100;
        long seen = 0;
        for (int index = 0; index < BUCKETS && total > 0; index++) {
            seen += counts[index];
            if (seen >= wanted) {
                return 1L << index;
            }
        }
        return 0;
    }

    /** Pushes sent of a type, or of a named provider's type ({@link #named}). */
    public long sent(String type) {
        return counters(type).sent.sum();
    }

    public long rejected(String type) {
        return counters(type).rejected.sum();
    }

    public long failed(String type) {
        return counters(type).failed.sum();
    }

    public long retried(String type) {
        return counters(type).retried.sum();
    }

    /**
     * Every counter by type and by named provider and type, e.g.
     * {@code {"httpcb":{"sent":3,"rejected":0,...},"ors/httpcb":{"sent":1,...}}}, for the admin endpoint.
     */
    public Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> snapshot = new TreeMap<>();
        byType.forEach((type, counters) -> {
            Map<String, Long> values = new LinkedHashMap<>();
            values.put("sent", counters.sent.sum());
            values.put("rejected", counters.rejected.sum());
            values.put("failed", counters.failed.sum());
            values.put("retried", counters.retried.sum());
            long count = counters.latencyCount.sum();
            values.put("latencyAverageMicros", count == 0 ? 0 : counters.latencyTotalMicros.sum() / count);
            values.put("latencyMaxMicros", counters.latencyMaxMicros.get());
            values.put("latencyP50MillisAtMost", latencyPercentileMillis(type, 50));
            values.put("latencyP99MillisAtMost", latencyPercentileMillis(type, 99));
            snapshot.put(type, values);
        });
        return snapshot;
    }

    private Counters counters(String type) {
        return byType.computeIfAbsent(type, key -> new Counters());
    }

    private static final class Counters {
        private final LongAdder sent = new LongAdder();
        private final LongAdder rejected = new LongAdder();
        private final LongAdder failed = new LongAdder();
        private final LongAdder retried = new LongAdder();
        private final LongAdder latencyCount = new LongAdder();
        private final LongAdder latencyTotalMicros = new LongAdder();
        private final LongAccumulator latencyMaxMicros = new LongAccumulator(Math::max, 0);
        private final LongAdder[] histogram = new LongAdder[BUCKETS];

        private Counters() {
            for (int index = 0; index < BUCKETS; index++) {
                histogram[index] = new LongAdder();
            }
        }

        private void sent(long micros) {
            sent.increment();
            latencyCount.increment();
            latencyTotalMicros.add(micros);
            latencyMaxMicros.accumulate(micros);
            histogram[bucket(micros / 1000)].increment();
        }
    }
}
