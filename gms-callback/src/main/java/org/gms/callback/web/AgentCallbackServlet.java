package org.gms.callback.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.gms.callback.engine.CallbackEngine;
import org.gms.core.error.ForbiddenException;
import org.gms.core.error.NotFoundException;
import org.gms.core.http.Caller;
import org.gms.core.http.GmsServlet;
import org.gms.core.http.Responses;
import org.gms.storage.callback.StoredCallback;

/**
 * The agent side of the callback queue, {@code /genesys/1/agent/callbacks/*}: {@code GET} lists the waiting
 * callbacks of the agent's queues, {@code POST next} claims the oldest (204 when none waits),
 * {@code POST <id>/connected} and {@code POST <id>/complete} ({@code reason}, {@code retry=true}) report.
 */
final class AgentCallbackServlet extends GmsServlet {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<CallbackEngine> engine;

    AgentCallbackServlet(Responses responses, Supplier<CallbackEngine> engine) {
        super(responses);
        this.engine = engine;
    }

    @Override
    protected Set<String> methods() {
        return Set.of("GET", "POST");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller agent = Caller.of(request).orElseThrow(() -> new ForbiddenException(
                "The agent API needs a user of etc/users.ini"));
        CallbackEngine callbacks = engine.get();
        String[] path = pathAfterServlet(request).split("/", -1);
        String method = request.getMethod();
        if (method.equals("GET") && path.length == 1 && path[0].isEmpty()) {
            List<Map<String, Object>> waiting = callbacks.agents().agentQueue(agent::serves).stream()
                    .map(callbacks::render).toList();
            responses.json(request, response, waiting);
            return;
        }
        if (method.equals("POST") && path.length == 1 && path[0].equals("next")) {
            Optional<StoredCallback> claimed = callbacks.agents().next(agent.name(), agent::serves);
            if (claimed.isEmpty()) {
                response.setStatus(204);
                return;
            }
            responses.json(request, response, callbacks.render(claimed.get()));
            return;
        }
        if (method.equals("POST") && path.length == 2 && !path[0].isEmpty()) {
            Map<String, String> parameters = CallbackRequests.parameters(request);
            StoredCallback changed = switch (path[1]) {
                case "connected" -> callbacks.agents().connected(agent.name(), path[0]);
                case "complete" -> callbacks.agents().complete(agent.name(), path[0], parameters.get("reason"),
                        Boolean.parseBoolean(parameters.getOrDefault("retry", "false")));
                default -> throw notFound(request);
            };
            responses.json(request, response, callbacks.render(changed));
            return;
        }
        throw notFound(request);
    }

    private static NotFoundException notFound(HttpServletRequest request) {
        return new NotFoundException("No agent API at " + request.getMethod() + " " + request.getRequestURI());
    }
}
