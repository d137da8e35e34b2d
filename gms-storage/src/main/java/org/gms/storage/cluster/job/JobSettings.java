package org.gms.storage.cluster.job;

import java.time.Duration;

/**
 * How the engine polls and retries.
 *
 * @param queue        queue name: nodes sharing a queue share its jobs (tests use their own queue)
 * @param shards       partitions per due minute; every node of a cluster must use the same number
 * @param pollInterval how often a node looks for due jobs
 * @param leaseTtl     how long a claim on a slice of the queue lives without renewal (take-over delay)
 * @param threads      slices a node works on at once
 * @param maxAttempts  runs before a failing job is given up
 * @param retryDelay   delay before the first retry, doubled at each attempt
 * @param maxRetryDelay upper bound of the retry delay
 * @param lookback     how far back a starting node looks for jobs left undone
 * @param retention    how long a job row and its done-marker are kept after the due time
 */
public record JobSettings(String queue, int shards, Duration pollInterval, Duration leaseTtl, int threads,
                          int maxAttempts, Duration retryDelay, Duration maxRetryDelay, Duration lookback,
                          Duration retention) {

    public static final String DEFAULT_QUEUE = "default";

    public JobSettings {
        if (shards < 1 || threads < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("Job shards, threads and attempts must be positive");
        }
        if (leaseTtl.toSeconds() < 1) {
            throw new IllegalArgumentException("The job lease TTL must be at least one second");
        }
    }

    public static JobSettings defaults() {
        return new JobSettings(DEFAULT_QUEUE, 8, Duration.ofSeconds(1), Duration.ofSeconds(15), 4, 10,
                Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(1));
    }

    public JobSettings withQueue(String name) {
        return new JobSettings(name, shards, pollInterval, leaseTtl, threads, maxAttempts, retryDelay, maxRetryDelay,
                lookback, retention);
    }

    /** Delay before attempt {@code attempt + 1}: exponential from {@code retryDelay}, capped. */
    public Duration backoff(int attempt) {
        long factor = 1L << Math.min(attempt, 20);
        Duration delay = retryDelay.multipliedBy(factor);
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
