package org.gms.server.cluster;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The operations of {@code /genesys/1/internal/<operation>}, registered by the features that serve them. */
public final class InternalEndpoints {

    private final Map<String, InternalHandler> handlers = new ConcurrentHashMap<>();

    public void register(String operation, InternalHandler handler) {
        if (!operation.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("Internal operation names are letters, digits, - and _: " + operation);
        }
        handlers.put(operation, handler);
    }

    Optional<InternalHandler> find(String operation) {
        return Optional.ofNullable(handlers.get(operation));
    }
}
