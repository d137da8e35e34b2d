package org.gms.push.engine;

import java.time.Duration;

/**
 * Tuning of the delivery engine.
 *
 * @param nodeId         name of this engine incarnation: its outbox stream and the owner of its leases
 * @param bucket         time span of one outbox partition of a stream
 * @param lease          how long a stream stays owned without renewal before another node may adopt it
 * @param retention      outbox row lifetime (TTL)
 * @param scanWindow     how far back a node reads an adopted stream
 * @param scanPeriod     pause between two looks for streams left behind by stopped engines
 * @param maxAttempts    attempts before a transient failure becomes final
 * @param initialBackoff wait after the first transient failure; doubled after each further one
 * @param maxBackoff     longest wait between two attempts
 */
public record EngineSettings(String nodeId, Duration bucket, Duration lease, Duration retention, Duration scanWindow,
                             Duration scanPeriod, int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** Attempts of a delivery, the default of {@code [push] delivery-max-attempts}. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    public static EngineSettings defaults(String nodeId) {
        return new EngineSettings(nodeId, Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofHours(6),
                Duration.ofMinutes(30), Duration.ofSeconds(5), DEFAULT_MAX_ATTEMPTS, Duration.ofSeconds(1),
                Duration.ofMinutes(2));
    }

    public EngineSettings withLease(Duration newLease, Duration newScanPeriod) {
        return new EngineSettings(nodeId, bucket, newLease, retention, scanWindow, newScanPeriod, maxAttempts,
                initialBackoff, maxBackoff);
    }

    public EngineSettings withRetries(int newMaxAttempts, Duration newInitialBackoff, Duration newMaxBackoff) {
        return new EngineSettings(nodeId, bucket, lease, retention, scanWindow, scanPeriod, newMaxAttempts,
                newInitialBackoff, newMaxBackoff);
    }

    /** Backoff before attempt {@code attempts + 1}: initial × 2^(attempts-1), capped. */
    public Duration backoff(int attempts) {
        long factor = 1L << Math.min(20, Math.max(0, attempts - 1));
        Duration wait = initialBackoff.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
