package org.gms.server.cometd;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.BayeuxContext;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.server.BayeuxServerImpl;
import org.cometd.server.CometDRequest;
import org.cometd.server.CometDResponse;
import org.cometd.server.HttpException;
import org.cometd.server.http.JSONHttpTransport;
import org.cometd.server.http.TransportContext;
import org.gms.core.error.BadRequestException;
import org.gms.core.http.Json;

/**
 * The long-polling transport of {@code /genesys/cometd}, answering bad input with 400 and the GMS body: a body in a
 * charset the server does not know (CometD itself throws before reading it and never completes the request), a batch
 * of more than one handshake or a message without a channel, and a body in a charset other than UTF-8 that is not a
 * JSON array or object of Bayeux messages ({@link GmsJsonContext} does the same for UTF-8 bodies), a message whose
 * {@code ext} or {@code advice} is not an object, and text with a lone surrogate (which no store or client could
 * encode).
 */
public class GmsJsonHttpTransport extends JSONHttpTransport {

    private static final String NOT_MESSAGES = GmsJsonContext.NOT_MESSAGES;
    private static final String LONE_SURROGATE = Json.LONE_SURROGATE;
    /** Message fields that CometD reads as JSON objects. */
    private static final List<String> OBJECT_FIELDS = List.of("ext", "advice");

    public GmsJsonHttpTransport(BayeuxServerImpl bayeux) {
        super(bayeux);
    }

    @Override
    public void handle(BayeuxContext bayeuxContext, CometDRequest request, CometDResponse response,
                       Promise<Void> promise) {
        String charset = request.getCharacterEncoding();
        if (charset != null && !supported(charset)) {
            promise.fail(badRequest("Charset " + charset + " is not supported"));
            return;
        }
        super.handle(bayeuxContext, request, response, promise);
    }

    @Override
    protected void processMessages(TransportContext context, List<ServerMessage.Mutable> messages) {
        validate(messages);
        super.processMessages(context, messages);
    }

    @Override
    public List<ServerMessage.Mutable> parseMessages(String json) throws ParseException {
        try {
            return super.parseMessages(json);
        } catch (ParseException | RuntimeException e) {
            throw badRequest(NOT_MESSAGES);
        }
    }

    private static void validate(List<ServerMessage.Mutable> messages) {
        int handshakes = 0;
        // the parser does not check the element types: a batch like [1] holds a Long
        for (Object element : (List<?>) messages) {
            if (!(element instanceof ServerMessage.Mutable)) {
                throw badRequest(NOT_MESSAGES);
            }
            ServerMessage.Mutable message = (ServerMessage.Mutable) element;
            String channel = message.getChannel();
            if (channel == null) {
                throw badRequest("Every Bayeux message needs a channel");
            }
            for (String field : OBJECT_FIELDS) {
                Object value = message.get(field);
                if (value != null && !(value instanceof Map)) {
                    throw badRequest("The " + field + " of a Bayeux message must be a JSON object");
                }
            }
            if (!validText(message)) {
                throw badRequest(LONE_SURROGATE);
            }
            if (Channel.META_HANDSHAKE.equals(channel)) {
                handshakes++;
            }
        }
        if (handshakes > 1) {
            throw badRequest("A batch may hold only one handshake");
        }
    }

    /** Whether every string of the value (keys included) is well-formed UTF-16: no lone surrogate. */
    static boolean validText(Object value) {
        if (value instanceof String) {
            return Json.wellFormed((String) value);
        }
        if (value instanceof Map) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                if (!validText(entry.getKey()) || !validText(entry.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof Object[]) {
            value = java.util.Arrays.asList((Object[]) value);
        }
        if (value instanceof Iterable) {
            for (Object item : (Iterable<?>) value) {
                if (!validText(item)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean supported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    /** Failing the request with this answers 400 with the GMS body of the cause. */
    private static HttpException badRequest(String message) {
        return new HttpException(400, new BadRequestException(message));
    }
}
