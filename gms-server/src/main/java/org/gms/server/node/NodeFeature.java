package org.gms.server.node;

import org.gms.server.Feature;
import org.gms.server.ServerContext;

/** The node and admin-node endpoints. */
public final class NodeFeature implements Feature {

    @Override
    public void install(ServerContext context) {
        context.addServlet("/1/node", new NodeServlet(context.responses(), context.nodeStatus()));
        context.addServlet("/1/admin/node/*", new AdminNodeServlet(context.responses(), context.nodeStatus()));
    }
}
