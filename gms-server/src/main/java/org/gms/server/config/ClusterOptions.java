package org.gms.server.config;

import static org.gms.core.config.ReloadPolicy.RESTART;

import java.util.List;
import org.gms.core.config.Option;

/** {@code [cluster]}: the ring every node joins, the shared secret of internal calls, and the job engine. */
final class ClusterOptions {

    static final List<Option> OPTIONS = List.of(
            Option.string("cluster", "name", "GMS_Cluster", RESTART,
                    "Cluster name, recorded in Cassandra by the first node; a node with another name refuses to start."),
            Option.secret("cluster", "secret", RESTART,
                    "Secret of node-to-node calls on /genesys/1/internal; empty: generated once and shared through"
                            + " Cassandra."),
            Option.integer("cluster", "heartbeat-period", 2, 1, 60, RESTART,
                    "Seconds between registry heartbeats; a node whose row is not refreshed for three periods has left."),
            Option.string("cluster", "job-queue", "default", RESTART,
                    "Job queue name; nodes with the same queue share its jobs."),
            Option.integer("cluster", "job-poll-interval", 1000, 50, 60000, RESTART,
                    "Milliseconds between two looks for due jobs."),
            Option.integer("cluster", "job-shards", 8, 1, 256, RESTART,
                    "Job queue partitions per due minute; the same on every node."),
            Option.integer("cluster", "job-lease-ttl", 15, 2, 3600, RESTART,
                    "Seconds a node's claim on jobs lives without renewal: the delay before a dead node's jobs are"
                            + " taken over."),
            Option.integer("cluster", "job-threads", 4, 1, 64, RESTART,
                    "Job queue slices a node works on at once."),
            Option.integer("cluster", "job-max-attempts", 10, 1, 1000, RESTART,
                    "Runs of a failing job before it is given up."),
            Option.integer("cluster", "job-retry-delay", 1000, 10, 3600000, RESTART,
                    "Milliseconds before the first retry of a failed job, doubled at each attempt."),
            Option.integer("cluster", "job-retry-max-delay", 300000, 10, 86400000, RESTART,
                    "Upper bound of the retry delay, in milliseconds."),
            Option.integer("cluster", "job-lookback", 3600, 60, 604800, RESTART,
                    "Seconds back a starting node looks for jobs left undone (whole cluster down)."),
            Option.integer("cluster", "job-retention", 86400, 60, 2592000, RESTART,
                    "Seconds a finished job and its done-marker are kept after the due time."));

    private ClusterOptions() {
    }
}
