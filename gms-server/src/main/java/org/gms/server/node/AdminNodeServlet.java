package org.gms.server.node;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.gms.core.error.NotFoundException;
import org.gms.core.http.GmsServlet;
import org.gms.core.http.Responses;

/**
 * {@code GET /genesys/1/admin/node/status} (text ONLINE or OFFLINE) and
 * {@code POST /genesys/1/admin/node/changestatus/{ONLINE|OFFLINE}} (suspend or resume this node; another member of
 * the cluster: {@code POST /genesys/1/admin/nodes/{nodeId}/changestatus/...}).
 */
public final class AdminNodeServlet extends GmsServlet {

    private static final long serialVersionUID = 1L;
    private static final String CHANGE = "changestatus/";

    private final transient NodeStatus status;

    public AdminNodeServlet(Responses responses, NodeStatus status) {
        super(responses);
        this.status = status;
    }

    @Override
    protected Set<String> methods() {
        return Set.of("GET", "POST");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = pathAfterServlet(request);
        if (path.equals("status") && request.getMethod().equals("GET")) {
            responses.text(request, response, 200, NodeServlet.TEXT, status.state().name());
            return;
        }
        if (path.startsWith(CHANGE) && request.getMethod().equals("POST")) {
            NodeStatus.State target = NodeStatus.parse(path.substring(CHANGE.length()));
            responses.text(request, response, 200, NodeServlet.TEXT, status.request(target).name());
            return;
        }
        throw new NotFoundException("No admin node operation " + request.getMethod() + " " + path);
    }
}
