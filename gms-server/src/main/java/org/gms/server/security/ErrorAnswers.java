package org.gms.server.security;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.gms.core.http.ErrorBody;
import org.gms.core.http.Responses;

/** Answers written by the security handlers, before any servlet runs, in the same shape as the servlets' errors. */
public final class ErrorAnswers {

    private ErrorAnswers() {
    }

    /** The GMS error body {@code {"exception":..,"message":..}} with its status. */
    public static void error(Response response, Callback callback, ErrorBody body) {
        response.setStatus(body.status());
        noStore(response);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ErrorBody.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(body.bytes()), callback);
    }

    /**
     * 401 as GMS sends it: the realm in {@code WWW-Authenticate} and an empty body. A script of a page (it says so
     * with {@code X-Requested-With: XMLHttpRequest}) gets no {@code WWW-Authenticate}, so the browser does not open its
     * own password dialog over the page's login form.
     */
    public static void unauthorized(Request request, Response response, Callback callback, String realm) {
        response.setStatus(401);
        noStore(response);
        if (!"XMLHttpRequest".equalsIgnoreCase(request.getHeaders().get("X-Requested-With"))) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"" + realm.replace("\"", "") + "\"");
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
        response.write(true, null, callback);
    }

    private static void noStore(Response response) {
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.EXPIRES, Responses.EXPIRED);
    }
}
