package org.gms.server.cluster;

import static org.gms.core.config.ReloadPolicy.RESTART;

import java.time.Duration;
import java.util.List;
import org.gms.core.config.ConfigView;
import org.gms.core.config.Option;
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

    public static final List<Option> OPTIONS = List.of(
            Option.string(SECTION, "name", "GMS_Cluster", RESTART,
                    "Cluster name, recorded in Cassandra by the first node; a node with another name refuses to start."),
            Option.secret(SECTION, "secret", RESTART,
                    "Secret of node-to-node calls on /genesys/1/internal; empty: generated once and shared through"
                            + " Cassandra."),
            Option.integer(SECTION, "heartbeat-period", 2, 1, 60, RESTART,
                    "Seconds between registry heartbeats; a node whose row is not refreshed for three periods has left."));

    public static ClusterSettings from(ConfigView config) {
        JobSettings jobs = JobSettings.from(config);
        return new ClusterSettings(config.value(SECTION, "name"), config.secret(SECTION, "secret"),
                Duration.ofSeconds(config.intValue(SECTION, "heartbeat-period")), jobs);
    }

    @Override
    public String toString() {
        // the generated toString would print the secret
        return "ClusterSettings[name=" + name + ", heartbeatPeriod=" + heartbeatPeriod + ", jobs=" + jobs + "]";
    }
}
