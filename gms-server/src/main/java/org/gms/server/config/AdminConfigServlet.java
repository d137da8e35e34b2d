package org.gms.server.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.function.Supplier;
import org.gms.core.error.NotFoundException;
import org.gms.core.http.GmsServlet;
import org.gms.core.http.Responses;

/**
 * {@code GET /genesys/1/admin/config/services}: the service and chat sections of the live configuration with the
 * catalogue's description of each option, and the lists they read ({@link ConfiguredServices}); secrets masked.
 * Read-only; administrators only (the role check refuses supervisors this path).
 */
public final class AdminConfigServlet extends GmsServlet {

    public static final String PATH = "/1/admin/config/*";
    private static final long serialVersionUID = 1L;

    private final transient Supplier<GmsConfig> config;

    public AdminConfigServlet(Responses responses, Supplier<GmsConfig> config) {
        super(responses);
        this.config = config;
    }

    @Override
    protected Set<String> methods() {
        return Set.of("GET");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = pathAfterServlet(request);
        if (!path.equals("services")) {
            throw new NotFoundException("No admin configuration resource " + path + ": use services");
        }
        responses.json(request, response, new ConfiguredServices(config.get()).answer());
    }
}
