package org.gms.push.api;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Hands a notification to the CometD sessions of a user on channel {@code /_genesys}. The server's CometD endpoint
 * implements it; the push module does not depend on CometD.
 */
public interface CometDelivery {

    String CHANNEL = "/_genesys";

    /**
     * Publishes {@code data} ({@code {"id","tag","message"}}) to the sessions of {@code user}; completes with the
     * number of sessions reached, or exceptionally when the endpoint could not publish.
     */
    CompletableFuture<Integer> deliver(String user, Map<String, Object> data);

    /** Used until a CometD endpoint is installed: nobody is connected. */
    CometDelivery NONE = (user, data) -> CompletableFuture.completedFuture(0);
}
