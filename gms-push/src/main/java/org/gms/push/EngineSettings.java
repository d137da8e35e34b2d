package org.gms.push;

import java.time.Duration;

/**
 * Tuning of the delivery engine.
 *
 * @param nodeId         lease owner name of this node
 * @param shards         partitions per minute of the outbox
 * @param lease          how long a node holds a delivery before another may take it over
 * @param retention      outbox row lifetime (TTL)
 * @param scanWindow     how far back a node looks for deliveries left behind by a stopped node
 * @param scanPeriod     pause between two scans
 * @param maxAttempts    attempts before a transient failure becomes final
 * @param initialBackoff wait after the first transient failure; doubled after each further one
 * @param maxBackoff     longest wait between two attempts
 */
public record EngineSettings(String nodeId, int shards, Duration lease, Duration retention, Duration scanWindow,
                             Duration scanPeriod, int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public static EngineSettings defaults(String nodeId) {
        return new EngineSettings(nodeId, 4, Duration.ofSeconds(60), Duration.ofHours(6), Duration.ofMinutes(30),
                Duration.ofSeconds(5), 5, Duration.ofSeconds(1), Duration.ofMinutes(2));
    }

    public EngineSettings withLease(Duration newLease, Duration newScanPeriod) {
        return new EngineSettings(nodeId, shards, newLease, retention, scanWindow, newScanPeriod, maxAttempts,
                initialBackoff, maxBackoff);
    }

    public EngineSettings withRetries(int newMaxAttempts, Duration newInitialBackoff, Duration newMaxBackoff) {
        return new EngineSettings(nodeId, shards, lease, retention, scanWindow, scanPeriod, newMaxAttempts,
                newInitialBackoff, newMaxBackoff);
    }

    /** Backoff before attempt {@code attempts + 1}: initial × 2^(attempts-1), capped. */
    public Duration backoff(int attempts) {
        long factor = 1L << Math.min(20, Math.max(0, attempts - 1));
        Duration wait = initialBackoff.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
