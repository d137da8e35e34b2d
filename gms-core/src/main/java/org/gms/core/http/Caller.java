package org.gms.core.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;

/**
 * The user of {@code etc/users.ini} a request of the admin or agent API was authenticated as, left in a request
 * attribute by the authentication handler.
 *
 * @param name   the user name
 * @param role   {@code Administrator}, {@code Supervisor} or {@code Agent}
 * @param queues the queues an agent serves; empty: every queue
 */
public record Caller(String name, String role, List<String> queues) {

    public static final String ATTRIBUTE = "org.gms.core.http.caller";

    public Caller {
        queues = List.copyOf(queues);
    }

    public static Optional<Caller> of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Caller caller ? Optional.of(caller) : Optional.empty();
    }

    /** Whether this agent serves {@code queue}. */
    public boolean serves(String queue) {
        return queues.isEmpty() || queues.contains(queue);
    }
}
