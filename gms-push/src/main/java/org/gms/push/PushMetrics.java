package org.gms.push;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** Plain counters per push type: sent, rejected, failed, retried, and publish-to-delivery latency. */
public final class PushMetrics {

    private final Map<String, Counters> byType = new ConcurrentHashMap<>();

    void recordSent(String type, Duration latency) {
        Counters counters = counters(type);
        counters.sent.increment();
        long micros = latency.toNanos() / 1000;
        counters.latencyCount.increment();
        counters.latencyTotalMicros.add(micros);
        counters.latencyMaxMicros.accumulate(micros);
    }

    void recordRejected(String type) {
        counters(type).rejected.increment();
    }

    void recordFailed(String type) {
        counters(type).failed.increment();
    }

    void recordRetried(String type) {
        counters(type).retried.increment();
    }

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

    /** Every counter by type, e.g. {@code {"httpcb":{"sent":3,"rejected":0,...}}}, for the admin endpoint. */
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
    }
}
