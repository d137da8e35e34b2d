package org.gms.server.cluster;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.gms.core.error.ForbiddenException;
import org.gms.core.error.NotFoundException;
import org.gms.core.http.GmsServlet;
import org.gms.core.http.Responses;

/**
 * {@code /genesys/1/internal/<operation>}: node-to-node calls. Every call must carry the cluster secret in
 * {@link InternalClient#SECRET_HEADER}; without it the answer is 403 and no operation is even looked up.
 */
final class InternalServlet extends GmsServlet {

    private static final long serialVersionUID = 1L;

    private final transient Cluster cluster;

    InternalServlet(Responses responses, Cluster cluster) {
        super(responses);
        this.cluster = cluster;
    }

    @Override
    protected Set<String> methods() {
        return Set.of("GET", "POST", "PUT", "DELETE");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String presented = request.getHeader(InternalClient.SECRET_HEADER);
        if (presented == null || !matches(presented, cluster.secret())) {
            throw new ForbiddenException("Internal calls need the cluster secret");
        }
        String operation = pathAfterServlet(request);
        InternalHandler handler = cluster.internal().find(operation)
                .orElseThrow(() -> new NotFoundException("No internal operation " + operation));
        responses.json(request, response, handler.handle(request));
    }

    /** Constant-time comparison, so the answer time tells nothing about the secret. */
    private static boolean matches(String presented, String secret) {
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }
}
