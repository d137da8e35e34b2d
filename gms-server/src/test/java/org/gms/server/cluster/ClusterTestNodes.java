package org.gms.server.cluster;

import java.time.Clock;
import java.util.UUID;
import org.gms.server.GmsServer;
import org.gms.server.GmsServerExtension;
import org.gms.server.TestServers;

/**
 * Nodes of one test cluster, started through the class's {@link GmsServerExtension} (which stops them): fast
 * heartbeats and job polling, and a job queue of their own, so jobs left by an earlier test are never claimed.
 */
final class ClusterTestNodes {

    private final String queue = "test-" + UUID.randomUUID();
    private final GmsServerExtension gms;

    ClusterTestNodes(GmsServerExtension gms) {
        this.gms = gms;
    }

    /** A node with the next node id of the class. */
    TestServers builder() {
        return gms.builder()
                .option("cluster", "heartbeat-period", "1")
                .option("cluster", "job-queue", queue)
                .option("cluster", "job-poll-interval", "500")
                .option("cluster", "job-lease-ttl", "3")
                .option("sml", "suspending-wait-timeout", "5");
    }

    /** A node whose id the test asserts on. */
    TestServers builder(int nodeId) {
        return builder().option("server", "node_id", Integer.toString(nodeId));
    }

    GmsServer start() throws Exception {
        return start(builder());
    }

    GmsServer start(int nodeId) throws Exception {
        return start(builder(nodeId));
    }

    GmsServer start(int nodeId, Clock clock) throws Exception {
        return start(builder(nodeId).clock(clock));
    }

    GmsServer start(TestServers builder) throws Exception {
        return gms.start(builder);
    }
}
