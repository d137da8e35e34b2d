package org.gms.server.service;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.gms.core.error.NotFoundException;
import org.gms.core.http.GmsServlet;
import org.gms.core.http.Responses;

/** {@code POST /genesys/1/patterns} and {@code /genesys/1/patterns/group/<group>}. */
final class PatternsServlet extends GmsServlet {

    private static final long serialVersionUID = 1L;

    private final transient Patterns patterns;

    PatternsServlet(Responses responses, Patterns patterns) {
        super(responses);
        this.patterns = patterns;
    }

    @Override
    protected Set<String> methods() {
        return Set.of("POST");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = pathAfterServlet(request);
        Optional<String> group = Optional.empty();
        if (!path.isEmpty()) {
            if (!path.startsWith("group/") || path.length() == "group/".length() || path.indexOf('/', 6) >= 0) {
                throw new NotFoundException("No pattern API at " + request.getRequestURI());
            }
            group = Optional.of(path.substring("group/".length()));
        }
        responses.json(request, response, patterns.match(RequestParameters.of(request), group));
    }
}
