package org.gms.server.http;

import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.gms.core.http.ErrorMapper;
import org.slf4j.MDC;

/**
 * Gives every request an id, outermost of all handlers: it is in the MDC (with the node id) while the request is
 * handled, so every log line of the request carries it, in the access log, and in the reference of a 500 message.
 */
public final class RequestIds extends Handler.Wrapper {

    /** Request attribute holding the id, for the access log (which runs after the MDC is cleared). */
    public static final String ATTRIBUTE = "org.gms.request.id";
    /** MDC key of the node id. */
    public static final String NODE = "node";

    private final String nodeId;

    public RequestIds(int nodeId, Handler handler) {
        super(handler);
        this.nodeId = Integer.toString(nodeId);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String id = nodeId + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        request.setAttribute(ATTRIBUTE, id);
        MDC.put(ErrorMapper.REQUEST_ID, id);
        MDC.put(NODE, nodeId);
        try {
            return super.handle(request, response, callback);
        } finally {
            MDC.remove(ErrorMapper.REQUEST_ID);
            MDC.remove(NODE);
        }
    }

    /** The id of a request, {@code -} when it has none (it never reached this handler). */
    public static String of(Request request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? "-" : id.toString();
    }
}
