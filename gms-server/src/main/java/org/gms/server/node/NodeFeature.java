package org.gms.server.node;

import org.gms.core.feature.Feature;
import org.gms.core.feature.Routes;
import org.gms.core.http.Responses;

/** The node and admin-node endpoints: the load balancer's check and suspend/resume. */
public final class NodeFeature extends Feature {

    private final Responses responses;
    private final NodeStatus status;

    public NodeFeature(Responses responses, NodeStatus status) {
        super("node API");
        this.responses = responses;
        this.status = status;
    }

    @Override
    public void mount(Routes routes) {
        routes.servlet("/1/node", new NodeServlet(responses, status));
        routes.servlet("/1/admin/node/*", new AdminNodeServlet(responses, status));
    }
}
