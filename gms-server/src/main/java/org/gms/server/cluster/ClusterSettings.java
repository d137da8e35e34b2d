package org.gms.server.cluster;

import java.time.Duration;
import org.gms.server.config.GmsConfig;
import org.gms.storage.cluster.job.JobSettings;

/**
 * The {@code [cluster]} section.
 *
 * @param name            cluster name, recorded once in {@code cluster_info}
 * @param secret          configured secret of internal calls; empty: generated and shared through Cassandra
 * @param heartbeatPeriod registry refresh period; a row lives three periods
 * @param jobs            job engine settings
 */
public record ClusterSettings(String name, String secret, Duration heartbeatPeriod, JobSettings jobs) {

    static final String SECTION = "cluster";

    public static ClusterSettings from(GmsConfig config) {
        JobSettings jobs = new JobSettings(
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
        return new ClusterSettings(config.value(SECTION, "name"), config.secret(SECTION, "secret"),
                Duration.ofSeconds(config.intValue(SECTION, "heartbeat-period")), jobs);
    }

    @Override
    public String toString() {
        // the generated toString would print the secret
        return "ClusterSettings[name=" + name + ", heartbeatPeriod=" + heartbeatPeriod + ", jobs=" + jobs + "]";
    }
}
