package org.gms.server.security.transport;

import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.gms.server.security.RequestPaths;
import org.gms.server.security.SecuritySettings;

/**
 * HTTPS-only mode ({@code [server] https-only}): a plain HTTP request is answered 301 to the same URI on the HTTPS
 * port. The load balancer check {@code /genesys/1/node} stays answered on HTTP, since balancers often probe over HTTP.
 */
public final class HttpsRedirectHandler extends Handler.Wrapper {

    static final String NODE_CHECK = "/genesys/1/node";

    private final Supplier<SecuritySettings> settings;
    private final IntSupplier httpsPort;

    /** {@code httpsPort} answers the port the HTTPS connector listens on, or a negative value when there is none. */
    public HttpsRedirectHandler(Supplier<SecuritySettings> settings, IntSupplier httpsPort) {
        this.settings = settings;
        this.httpsPort = httpsPort;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        int port = httpsPort.getAsInt();
        if (request.isSecure() || port <= 0 || !settings.get().httpsOnly()
                || RequestPaths.of(request).equals(NODE_CHECK)) {
            return super.handle(request, response, callback);
        }
        HttpURI target = HttpURI.build(request.getHttpURI()).scheme("https").port(port == 443 ? -1 : port);
        response.setStatus(301);
        response.getHeaders().put(HttpHeader.LOCATION, target.asString());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
        response.write(true, null, callback);
        return true;
    }
}
