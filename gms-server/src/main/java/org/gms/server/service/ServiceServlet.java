package org.gms.server.service;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gms.callback.web.ServiceAnswers;
import org.gms.core.error.NotFoundException;
import org.gms.core.http.GmsServlet;
import org.gms.core.http.Responses;

/**
 * {@code /genesys/1/service/*}: {@code POST /<service>} runs a service; {@code GET /<service>} queries an office-hours
 * or capacity service; {@code GET} and {@code DELETE /<id>} read and delete a created instance;
 * {@code /<id>/storage...} is the instance's own storage.
 */
final class ServiceServlet extends GmsServlet {

    private static final long serialVersionUID = 1L;

    private final transient ServiceFeature feature;
    private final transient ServiceScopedStorage storage;

    ServiceServlet(Responses responses, ServiceFeature feature, ServiceScopedStorage storage) {
        super(responses);
        this.feature = feature;
        this.storage = storage;
    }

    @Override
    protected Set<String> methods() {
        return Set.of("GET", "POST", "DELETE");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServiceDispatcher dispatcher = feature.dispatcher();
        InteractionServices interactions = feature.interactions();
        String target = pathAfterServlet(request);
        String user = RequestParameters.gmsUser(request);
        String[] path = target.split("/", -1);
        if (path.length >= 2 && path[1].equals("storage") && !path[0].isEmpty()) {
            storage.handle(request, response, interactions.instance(path[0], user),
                    Arrays.copyOfRange(path, 2, path.length));
            return;
        }
        if (path.length == 2 && path[1].equals("check-queue-position") && !path[0].isEmpty()
                && request.getMethod().equals("GET")) {
            responses.json(request, response, feature.queuePosition(path[0]));
            return;
        }
        if (target.isEmpty() || target.contains("/")) {
            throw new NotFoundException("No service API at " + request.getRequestURI());
        }
        Map<String, String> parameters = RequestParameters.of(request);
        switch (request.getMethod()) {
            case "POST" -> ServiceAnswers.write(responses, request, response,
                    dispatcher.create(target, parameters, user));
            case "GET" -> {
                Optional<Object> query = dispatcher.get(target, parameters);
                responses.json(request, response, query.isPresent() ? query.get()
                        : interactions.describe(target, user));
            }
            default -> {
                interactions.delete(target, user);
                storage.deleteAll(target);
                responses.write(request, response, 200, Responses.JSON, new byte[0]);
            }
        }
    }
}
