package org.gms.server.security.headers;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.gms.server.security.RequestPaths;

/**
 * Adds the configured headers to every answer. They are added when the answer is committed, not when the request
 * arrives, because a servlet that resets its response (as the error path does) would otherwise drop them. A header
 * the answer already carries is left as the servlet set it.
 */
public final class CustomHeadersHandler extends Handler.Wrapper {

    private final Supplier<HeaderSettings> settings;

    public CustomHeadersHandler(Supplier<HeaderSettings> settings) {
        this.settings = settings;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        List<HttpField> fields = ResponseHeaders.forRequest(settings.get(), RequestPaths.of(request),
                request.isSecure());
        if (fields.isEmpty()) {
            return super.handle(request, response, callback);
        }
        return super.handle(request, new HeaderAddingResponse(request, response, fields), callback);
    }

    private static final class HeaderAddingResponse extends Response.Wrapper {

        private final List<HttpField> fields;

        HeaderAddingResponse(Request request, Response wrapped, List<HttpField> fields) {
            super(request, wrapped);
            this.fields = fields;
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            if (!isCommitted()) {
                for (HttpField field : fields) {
                    if (!getHeaders().contains(field.getName())) {
                        getHeaders().add(field);
                    }
                }
            }
            super.write(last, content, callback);
        }
    }
}
