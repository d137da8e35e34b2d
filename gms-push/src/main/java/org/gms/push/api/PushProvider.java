package org.gms.push.api;

import java.util.concurrent.CompletableFuture;

/**
 * One push channel (a type, for one provider, normal or debug). A permanent answer of the push service is a returned
 * {@link PushResult}; a transient failure (timeout, 5xx, 429) completes the future exceptionally, preferably with a
 * {@link TransientPushException}, and the delivery is retried from the outbox.
 */
public interface PushProvider extends AutoCloseable {

    /** The push type, as in {@code pushEnabled}. */
    String type();

    CompletableFuture<PushResult> send(PushMessage message);

    @Override
    default void close() {
    }
}
