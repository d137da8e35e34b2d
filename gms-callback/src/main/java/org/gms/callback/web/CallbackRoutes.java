package org.gms.callback.web;

import jakarta.servlet.MultipartConfigElement;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.gms.callback.api.ServiceRunner;
import org.gms.callback.engine.CallbackEngine;
import org.gms.core.feature.Routes;
import org.gms.core.http.Responses;

/** Where the callback servlets are mounted. */
public final class CallbackRoutes {

    /** Multipart bodies of a create: text fields only, small. */
    static final MultipartConfigElement MULTIPART = new MultipartConfigElement("", 1_048_576L, 1_048_576L, 64_000);

    private CallbackRoutes() {
    }

    /** {@code services}: runs the service a callback service's {@code _redirect} names. */
    public static void mount(Routes routes, Responses responses, Supplier<CallbackEngine> engine,
                             ServiceRunner services, Supplier<List<String>> filterKeys, Clock clock) {
        routes.servlet("/1/service/callback/*", new CallbackServlet(responses, engine, services), MULTIPART);
        routes.servlet("/2/service/callback/*", new AvailabilityV2Servlet(responses, engine));
        routes.servlet("/1/admin/callback/*", new AdminCallbackServlet(responses, engine, filterKeys, clock));
        routes.servlet("/1/agent/callbacks/*", new AgentCallbackServlet(responses, engine));
    }
}
