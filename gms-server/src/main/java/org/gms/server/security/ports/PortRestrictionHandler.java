package org.gms.server.security.ports;

import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.gms.core.error.ForbiddenException;
import org.gms.core.http.ErrorMapper;
import org.gms.server.config.ConfigHolder;
import org.gms.server.security.ErrorAnswers;
import org.gms.server.security.RequestPaths;

/** Answers 403 when a restricted URI arrives on a port its rule does not list; rules are read per request. */
public final class PortRestrictionHandler extends Handler.Wrapper {

    private final ConfigHolder config;
    private volatile Cached cached = new Cached(null, null);

    public PortRestrictionHandler(ConfigHolder config) {
        this.config = config;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (config.get().rawSection(PortRestrictions.SECTION).isEmpty()) {
            return super.handle(request, response, callback);
        }
        String path = RequestPaths.of(request);
        int port = Request.getLocalPort(request);
        if (restrictions().allows(path, port)) {
            return super.handle(request, response, callback);
        }
        ErrorAnswers.error(response, callback, ErrorMapper.body(new ForbiddenException(
                "URI " + path + " is not served on port " + port)));
        return true;
    }

    /** Parsed again only when the section changes, so a wrong rule is reported once per change. */
    private PortRestrictions restrictions() {
        Map<String, String> section = config.get().rawSection(PortRestrictions.SECTION);
        Cached current = cached;
        if (section != current.section) {
            current = new Cached(section, PortRestrictions.from(section));
            cached = current;
        }
        return current.restrictions;
    }

    private record Cached(Map<String, String> section, PortRestrictions restrictions) {
    }
}
