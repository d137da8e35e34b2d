package org.gms.server.service;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gms.server.http.GmsServlet;
import org.gms.server.http.Responses;
import org.gms.storage.error.NotFoundException;

/**
 * {@code /genesys/1/service/*}: {@code POST /<service>} runs a service; {@code GET /<service>} queries an office-hours
 * or capacity service; {@code GET} and {@code DELETE /<id>} read and delete a created instance.
 */
final class ServiceServlet extends GmsServlet {

    private static final long serialVersionUID = 1L;

    private final transient ServiceDispatcher dispatcher;
    private final transient InteractionServices interactions;

    ServiceServlet(Responses responses, ServiceDispatcher dispatcher, InteractionServices interactions) {
        super(responses);
        this.dispatcher = dispatcher;
        this.interactions = interactions;
    }

    @Override
    protected Set<String> methods() {
        return Set.of("GET", "POST", "DELETE");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String target = pathAfterServlet(request);
        if (target.isEmpty() || target.contains("/")) {
            throw new NotFoundException("No service API at " + request.getRequestURI());
        }
        Map<String, String> parameters = RequestParameters.of(request);
        String user = RequestParameters.gmsUser(request);
        switch (request.getMethod()) {
            case "POST" -> responses.json(request, response, dispatcher.create(target, parameters, user));
            case "GET" -> {
                Optional<Object> query = dispatcher.get(target, parameters);
                responses.json(request, response, query.isPresent() ? query.get()
                        : interactions.describe(target, user));
            }
            default -> {
                interactions.delete(target, user);
                responses.write(request, response, 200, Responses.JSON, new byte[0]);
            }
        }
    }
}
