package org.gms.core.error;

/** A client over its request rate: HTTP 429 (the answer carries {@code Retry-After}). */
@WireName("org.gms.server.security.limit.TooManyRequestsException")
public final class TooManyRequestsException extends GmsException {

    private static final long serialVersionUID = 1L;

    public TooManyRequestsException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 429;
    }
}
