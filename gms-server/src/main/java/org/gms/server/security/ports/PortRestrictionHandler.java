package org.gms.server.security.ports;

import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.gms.core.error.ForbiddenException;
import org.gms.core.http.ErrorMapper;
import org.gms.server.security.ErrorAnswers;
import org.gms.server.security.RequestPaths;

/**
 * Answers 403 when a restricted URI arrives on a port its rule does not list. The rules are parsed again only when
 * the configuration changes, so a wrong rule is reported once per change.
 */
public final class PortRestrictionHandler extends Handler.Wrapper {

    private final Supplier<PortRestrictions> restrictions;

    public PortRestrictionHandler(Supplier<PortRestrictions> restrictions) {
        this.restrictions = restrictions;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        PortRestrictions current = restrictions.get();
        if (current.isEmpty()) {
            return super.handle(request, response, callback);
        }
        String path = RequestPaths.of(request);
        int port = Request.getLocalPort(request);
        if (current.allows(path, port)) {
            return super.handle(request, response, callback);
        }
        ErrorAnswers.error(response, callback, ErrorMapper.body(new ForbiddenException(
                "URI " + path + " is not served on port " + port)));
        return true;
    }
}
