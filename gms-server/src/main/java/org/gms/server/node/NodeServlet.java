package org.gms.server.node;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.gms.core.http.GmsServlet;
import org.gms.core.http.Responses;

/** {@code GET /genesys/1/node}: the load balancer's check, never behind authentication. */
public final class NodeServlet extends GmsServlet {

    private static final long serialVersionUID = 1L;
    static final String TEXT = "text/plain;charset=ISO-8859-1";

    private final transient NodeStatus status;

    public NodeServlet(Responses responses, NodeStatus status) {
        super(responses);
        this.status = status;
    }

    @Override
    protected Set<String> methods() {
        return Set.of("GET", "HEAD");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        NodeStatus.State state = status.state();
        responses.text(request, response, state == NodeStatus.State.ONLINE ? 200 : 503, TEXT, state.name());
    }
}
