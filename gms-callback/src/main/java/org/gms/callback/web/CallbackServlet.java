package org.gms.callback.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.gms.callback.api.ServiceRunner;
import org.gms.callback.engine.CallbackEngine;
import org.gms.core.error.NotFoundException;
import org.gms.core.error.ServiceConfigurationException;
import org.gms.core.http.GmsServlet;
import org.gms.core.http.Responses;

/**
 * {@code /genesys/1/service/callback/*}: create ({@code POST /<service>}; a service whose {@code _redirect} names
 * another one answers what that one answers), query ({@code GET ?_id=},
 * {@code GET /<service>?k=v}, {@code GET ?k=v}), cancel ({@code DELETE /<service>/<id>}), reschedule and update
 * ({@code PUT /<service>/<id>}), availability v1 ({@code GET /<service>/availability}).
 */
final class CallbackServlet extends GmsServlet {

    private static final long serialVersionUID = 1L;

    /** Redirects a create follows, as the service API does: at most this many. */
    static final int MAX_REDIRECTS = 5;

    private final transient Supplier<CallbackEngine> engine;
    private final transient ServiceRunner services;

    CallbackServlet(Responses responses, Supplier<CallbackEngine> engine, ServiceRunner services) {
        super(responses);
        this.engine = engine;
        this.services = services;
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
                    create(callbacks, service, parameters, request, response);
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

    /**
     * Creates a callback in {@code service}, or, when its {@code _redirect} names another service, answers what that
     * one answers: a callback created there when it is a callback service, else the service run as
     * {@code POST /1/service/<name>} runs it (an unknown one is the same 404).
     */
    private void create(CallbackEngine callbacks, String service, Map<String, String> parameters,
                        HttpServletRequest request, HttpServletResponse response) throws IOException {
        String current = service;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Optional<String> redirect = callbacks.redirect(current, parameters);
            if (redirect.isEmpty()) {
                responses.json(request, response, callbacks.create(current, parameters,
                        CallbackRequests.headers(request), CallbackRequests.gmsUser(request),
                        CallbackRequests.baseUrl(request)));
                return;
            }
            current = redirect.get();
            if (!callbacks.isCallbackService(current)) {
                ServiceAnswers.write(responses, request, response,
                        services.run(current, parameters, CallbackRequests.gmsUser(request)));
                return;
            }
        }
        throw new ServiceConfigurationException("Service [" + service + "] redirects more than " + MAX_REDIRECTS
                + " times");
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
