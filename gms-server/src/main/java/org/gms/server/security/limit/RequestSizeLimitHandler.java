package org.gms.server.security.limit;

import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.gms.core.http.ErrorMapper;
import org.gms.server.security.ErrorAnswers;

/**
 * {@code [server] max-request-size}: a declared length over the limit is answered 413 at once; a body of unknown length
 * fails with 413 when it grows past it. Only the request is wrapped (Jetty's SizeLimitHandler also wraps the response,
 * which changes how servlets' content types are written).
 */
public final class RequestSizeLimitHandler extends Handler.Wrapper {

    private final long limit;

    public RequestSizeLimitHandler(long limit) {
        this.limit = limit;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (limit <= 0) {
            return super.handle(request, response, callback);
        }
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > limit) {
            ErrorAnswers.error(response, callback, ErrorMapper.forStatus(413, message()));
            return true;
        }
        return super.handle(declared >= 0 ? request : new Counting(request), response, callback);
    }

    private String message() {
        return "Request is larger than the server accepts (" + limit + " bytes)";
    }

    private final class Counting extends Request.Wrapper {

        private long read;

        Counting(Request wrapped) {
            super(wrapped);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            if (chunk == null || chunk.getFailure() != null) {
                return chunk;
            }
            read += chunk.getByteBuffer().remaining();
            if (read <= limit) {
                return chunk;
            }
            chunk.release();
            BadMessageException tooLarge = new BadMessageException(413, message());
            getWrapped().fail(tooLarge);
            return Content.Chunk.from(tooLarge, true);
        }
    }
}
