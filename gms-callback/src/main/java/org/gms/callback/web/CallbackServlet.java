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

/**
 * {@code /genesys/1/service/callback/*}: create ({@code POST /<service>}), query ({@code GET ?_id=},
 * {@code GET /<service>?k=v}, {@code GET ?k=v}), cancel ({@code DELETE /<service>/<id>}), reschedule and update
 * ({@code PUT /<service>/<id>}), availability v1 ({@code GET /<service>/availability}).
 */
final class CallbackServlet extends GmsServlet {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<CallbackEngine> engine;

    CallbackServlet(Responses responses, Supplier<CallbackEngine> engine) {
        super(responses);
        this.engine = engine;
    }

    @Override
    protected Set<String> methods() {
        return Set.of("GET", "POST", "PUT", "DELETE");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CallbackEngine callbacks = engine.get();
        String[] path = pathAfterServlet(request).split("/", -1);
        String service = path[0];
        String method = request.getMethod();
        if (path.length == 1) {
            Map<String, String> parameters = CallbackRequests.parameters(request);
            switch (method) {
                case "GET" -> responses.json(request, response, callbacks.queries().query(service, parameters));
                case "POST" -> {
                    requireService(service, request);
                    responses.json(request, response, callbacks.create(service, parameters,
                            CallbackRequests.headers(request), CallbackRequests.gmsUser(request),
                            CallbackRequests.baseUrl(request)));
                }
                default -> throw notFound(request);
            }
            return;
        }
        if (path.length != 2 || service.isEmpty() || path[1].isEmpty()) {
            throw notFound(request);
        }
        String id = path[1];
        if (id.equals("availability") && method.equals("GET")) {
            responses.json(request, response, callbacks.slots().v1(callbacks.service(service, Map.of()),
                    CallbackRequests.parameters(request)));
            return;
        }
        switch (method) {
            case "DELETE" -> {
                responses.json(request, response, callbacks.render(callbacks.cancel(service, id, "CANCELLED")));
            }
            case "PUT" -> responses.json(request, response, callbacks.update(service, id,
                    CallbackRequests.parameters(request)));
            case "GET" -> responses.json(request, response, callbacks.queries().query(service, Map.of("_id", id)));
            default -> throw notFound(request);
        }
    }

    private static void requireService(String service, HttpServletRequest request) {
        if (service.isEmpty()) {
            throw notFound(request);
        }
    }

    private static NotFoundException notFound(HttpServletRequest request) {
        return new NotFoundException("No callback API at " + request.getMethod() + " " + request.getRequestURI());
    }
}
