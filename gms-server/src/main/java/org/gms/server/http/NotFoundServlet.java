package org.gms.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.gms.core.error.NotFoundException;
import org.gms.core.http.GmsServlet;
import org.gms.core.http.Responses;

/** The default servlet of the context: any path no API serves is a JSON 404. */
public final class NotFoundServlet extends GmsServlet {

    private static final long serialVersionUID = 1L;
    private static final Set<String> ALL = Set.of("GET", "POST", "PUT", "DELETE", "HEAD", "PATCH");

    public NotFoundServlet(Responses responses) {
        super(responses);
    }

    @Override
    protected Set<String> methods() {
        return ALL;
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) {
        throw new NotFoundException("No resource at " + request.getRequestURI());
    }
}
