package org.gms.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.gms.core.http.ErrorBody;
import org.gms.core.http.ErrorMapper;

/** Jetty's own errors (outside any servlet: bad requests, unknown contexts, oversized headers) as the GMS body. */
public final class JsonErrorHandler extends ErrorHandler {

    private final ErrorMapper errors;

    public JsonErrorHandler(ErrorMapper errors) {
        this.errors = errors;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        ErrorBody body = cause == null || code < 500 ? ErrorMapper.forStatus(code, safe(message))
                : errors.map(cause, request.getMethod() + " " + request.getHttpURI().getPath());
        response.setStatus(body.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ErrorBody.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body.bytes()), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, ErrorBody.CONTENT_TYPE));
        return ByteBuffer.wrap(ErrorMapper.forStatus(status, safe(reason)).bytes());
    }

    private static String safe(String message) {
        // Jetty messages can echo request parts; keep them short and single-line
        if (message == null) {
            return null;
        }
        String line = message.replaceAll("[\\r\\n]+", " ");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
