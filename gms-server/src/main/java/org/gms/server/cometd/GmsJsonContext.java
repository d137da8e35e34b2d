package org.gms.server.cometd;

import java.nio.ByteBuffer;
import org.cometd.common.JSONContext;
import org.cometd.server.JettyJSONContextServer;
import org.gms.core.error.BadRequestException;

/**
 * The JSON parser of {@code /genesys/cometd}: a body the parser refuses is the client's error. CometD's UTF-8 reader
 * parses as the bytes come and lets the parser's exception escape to the container, which would answer it 500; here
 * it becomes a {@link BadRequestException}, answered 400 with the GMS body.
 */
final class GmsJsonContext extends JettyJSONContextServer {

    static final String NOT_MESSAGES = "The body is not a JSON array of Bayeux messages";

    @Override
    public JSONContext.AsyncParser newAsyncParser() {
        JSONContext.AsyncParser parser = super.newAsyncParser();
        return new JSONContext.AsyncParser() {
            @Override
            public void parse(ByteBuffer buffer) {
                try {
                    parser.parse(buffer);
                } catch (IllegalArgumentException e) {
                    throw new BadRequestException(NOT_MESSAGES);
                }
            }

            @Override
            public <R> R complete() {
                try {
                    return parser.complete();
                } catch (IllegalArgumentException e) {
                    throw new BadRequestException(NOT_MESSAGES);
                }
            }
        };
    }
}
