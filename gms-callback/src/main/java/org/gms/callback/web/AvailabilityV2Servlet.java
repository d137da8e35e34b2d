package org.gms.callback.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.gms.callback.engine.CallbackEngine;
import org.gms.core.error.NotFoundException;
import org.gms.core.http.GmsServlet;
import org.gms.core.http.Responses;

/** {@code GET /genesys/2/service/callback/<service>/availability}. */
final class AvailabilityV2Servlet extends GmsServlet {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<CallbackEngine> engine;

    AvailabilityV2Servlet(Responses responses, Supplier<CallbackEngine> engine) {
        super(responses);
        this.engine = engine;
    }

    @Override
    protected Set<String> methods() {
        return Set.of("GET");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = pathAfterServlet(request).split("/", -1);
        if (path.length != 2 || path[0].isEmpty() || !path[1].equals("availability")) {
            throw new NotFoundException("No callback API at " + request.getRequestURI());
        }
        CallbackEngine callbacks = engine.get();
        responses.json(request, response, callbacks.slots().v2(callbacks.service(path[0], Map.of()),
                CallbackRequests.parameters(request)));
    }
}
