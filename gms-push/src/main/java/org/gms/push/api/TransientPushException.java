package org.gms.push.api;

import java.time.Duration;
import java.util.Optional;

/** A failure worth retrying, optionally with the wait the push service asked for ({@code Retry-After}). */
public final class TransientPushException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    public TransientPushException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public TransientPushException(String message, Throwable cause) {
        super(message, cause);
        this.retryAfter = null;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
