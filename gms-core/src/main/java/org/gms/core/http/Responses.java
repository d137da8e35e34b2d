package org.gms.core.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

/**
 * Writes answers the GMS way: JSON as {@code application/json;charset=utf-8}, and caching headers from
 * {@code [server] cacheSeconds} (0: {@code no-store} with an expired {@code Expires}).
 */
public final class Responses {

    public static final String JSON = "application/json;charset=utf-8";
    public static final String EXPIRED = "Thu, 01 Jan 1970 00:00:00 GMT";

    private final IntSupplier cacheSeconds;
    private final ErrorMapper errors;

    /** {@code cacheSeconds}: {@code [server] cacheSeconds}, read per answer; {@code errors}: the server's mapper. */
    public Responses(IntSupplier cacheSeconds, ErrorMapper errors) {
        this.cacheSeconds = cacheSeconds;
        this.errors = errors;
    }

    public ErrorMapper errors() {
        return errors;
    }

    public void json(HttpServletRequest request, HttpServletResponse response, Object body) throws IOException {
        write(request, response, 200, JSON, Json.bytes(body));
    }

    public void text(HttpServletRequest request, HttpServletResponse response, int status, String contentType,
                     String body) throws IOException {
        write(request, response, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, String contentType,
                      byte[] body) throws IOException {
        response.setStatus(status);
        cacheHeaders(request, response);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Status, caching headers and content type for a body the caller streams itself. */
    public void head(HttpServletRequest request, HttpServletResponse response, int status, String contentType) {
        response.setStatus(status);
        cacheHeaders(request, response);
        response.setContentType(contentType);
    }

    /** Answers with the error body of {@code error}, raised while serving {@code request}. */
    public void error(HttpServletRequest request, HttpServletResponse response, Throwable error) throws IOException {
        error(response, errors.map(error, request.getMethod() + " " + request.getRequestURI()));
    }

    public void error(HttpServletResponse response, ErrorBody error) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        // resetBuffer, not reset: headers set before (Allow, CORS, security headers) must stay
        response.resetBuffer();
        response.setStatus(error.status());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Expires", EXPIRED);
        byte[] body = error.bytes();
        response.setContentType(ErrorBody.CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void cacheHeaders(HttpServletRequest request, HttpServletResponse response) {
        int seconds = cacheSeconds.getAsInt();
        if (seconds > 0 && "GET".equals(request.getMethod())) {
            response.setHeader("Cache-Control", "max-age=" + seconds);
        } else {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Expires", EXPIRED);
        }
    }
}
