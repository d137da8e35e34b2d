package org.gms.storage.cluster.job;

import static org.gms.core.config.ReloadPolicy.RESTART;

import java.time.Duration;
import java.util.List;
import org.gms.core.config.ConfigView;
import org.gms.core.config.Option;

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

    static final String SECTION = "cluster";

    public static final List<Option> OPTIONS = List.of(
            Option.string(SECTION, "job-queue", "default", RESTART,
                    "Job queue name; nodes with the same queue share its jobs."),
            Option.integer(SECTION, "job-poll-interval", 1000, 50, 60000, RESTART,
                    "Milliseconds between two looks for due jobs."),
            Option.integer(SECTION, "job-shards", 8, 1, 256, RESTART,
                    "Job queue partitions per due minute; the same on every node."),
            Option.integer(SECTION, "job-lease-ttl", 15, 2, 3600, RESTART,
                    "Seconds a node's claim on jobs lives without renewal: the delay before a dead node's jobs are"
                            + " taken over."),
            Option.integer(SECTION, "job-threads", 4, 1, 64, RESTART,
                    "Job queue slices a node works on at once."),
            Option.integer(SECTION, "job-max-attempts", 10, 1, 1000, RESTART,
                    "Runs of a failing job before it is given up."),
            Option.integer(SECTION, "job-retry-delay", 1000, 10, 3600000, RESTART,
                    "Milliseconds before the first retry of a failed job, doubled at each attempt."),
            Option.integer(SECTION, "job-retry-max-delay", 300000, 10, 86400000, RESTART,
                    "Upper bound of the retry delay, in milliseconds."),
            Option.integer(SECTION, "job-lookback", 3600, 60, 604800, RESTART,
                    "Seconds back a starting node looks for jobs left undone (whole cluster down)."),
            Option.integer(SECTION, "job-retention", 86400, 60, 2592000, RESTART,
                    "Seconds a finished job and its done-marker are kept after the due time."));

    public JobSettings {
        if (shards < 1 || threads < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("Job shards, threads and attempts must be positive");
        }
        if (leaseTtl.toSeconds() < 1) {
            throw new IllegalArgumentException("The job lease TTL must be at least one second");
        }
    }

    public static JobSettings from(ConfigView config) {
        return new JobSettings(
                config.value(SECTION, "job-queue"),
                config.intValue(SECTION, "job-shards"),
                Duration.ofMillis(config.intValue(SECTION, "job-poll-interval")),
                Duration.ofSeconds(config.intValue(SECTION, "job-lease-ttl")),
                config.intValue(SECTION, "job-threads"),
                config.intValue(SECTION, "job-max-attempts"),
                Duration.ofMillis(config.intValue(SECTION, "job-retry-delay")),
                Duration.ofMillis(config.intValue(SECTION, "job-retry-max-delay")),
                Duration.ofSeconds(config.intValue(SECTION, "job-lookback")),
                Duration.ofSeconds(config.intValue(SECTION, "job-retention")));
    }


    /** Delay before attempt {@code attempt + 1}: exponential from {@code retryDelay}, capped. */
    public Duration backoff(int attempt) {
        long factor = 1L << Math.min(attempt, 20);
        Duration delay = retryDelay.multipliedBy(factor);
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
