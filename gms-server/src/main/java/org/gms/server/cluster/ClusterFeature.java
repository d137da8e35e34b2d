package org.gms.server.cluster;

import java.util.Map;
import org.gms.server.Feature;
import org.gms.server.ServerContext;

/** The cluster: registry, master lease, job engine, {@code /1/admin/nodes} and the internal API. */
public final class ClusterFeature implements Feature {

    @Override
    public void install(ServerContext context) {
        Cluster cluster = context.cluster();
        context.addServlet("/1/admin/nodes", new AdminNodesServlet(context.responses(), cluster));
        context.addServlet("/1/internal/*", new InternalServlet(context.responses(), cluster));
        cluster.internal().register("ping", request -> Map.of("status", context.nodeStatus().state().name()));
        context.onStorageReady(() -> cluster.connect(context.storage()));
        // closed before the storage: running jobs finish and the node leaves the ring while Cassandra is reachable
        context.closeOnStop(cluster);
        context.nodeStatus().onChange(cluster::statusChanged);
    }
}
