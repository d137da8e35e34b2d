package org.gms.server.cluster;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** One operation of the internal node-to-node API, {@code /genesys/1/internal/<operation>}. */
@FunctionalInterface
public interface InternalHandler {

    /** Handles an authenticated call from another node; the answer is rendered as JSON. */
    Object handle(HttpServletRequest request) throws IOException;
}
