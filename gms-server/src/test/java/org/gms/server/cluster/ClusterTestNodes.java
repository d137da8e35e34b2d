package org.gms.server.cluster;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gms.server.GmsServer;
import org.gms.server.TestServers;

/** Nodes of one test cluster: fast heartbeats and job polling, their own job queue; all stopped after the test. */
final class ClusterTestNodes implements AutoCloseable {

    private final String queue = "test-" + UUID.randomUUID();
    private final List<GmsServer> servers = new ArrayList<>();

    TestServers builder(int nodeId) {
        return TestServers.builder()
                .option("server", "node_id", Integer.toString(nodeId))
                .option("cluster", "heartbeat-period", "1")
                .option("cluster", "job-queue", queue)
                .option("cluster", "job-poll-interval", "500")
                .option("cluster", "job-lease-ttl", "3")
                .option("sml", "suspending-wait-timeout", "5");
    }

    GmsServer start(int nodeId) throws Exception {
        return start(builder(nodeId));
    }

    GmsServer start(int nodeId, Clock clock) throws Exception {
        return start(builder(nodeId).clock(clock));
    }

    GmsServer start(TestServers builder) throws Exception {
        GmsServer server = builder.create();
        servers.add(server);
        server.start();
        return server;
    }

    @Override
    public void close() throws Exception {
        for (GmsServer server : servers) {
            if (server.isStarted()) {
                server.stop();
            }
        }
    }
}
