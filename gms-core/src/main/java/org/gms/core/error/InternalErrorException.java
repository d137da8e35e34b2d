package org.gms.core.error;

/**
 * A failure that is nobody's fault but ours: HTTP 500. Its message carries a reference that is also in the log,
 * never the cause.
 */
@WireName("java.lang.RuntimeException")
public final class InternalErrorException extends GmsException {

    private static final long serialVersionUID = 1L;

    public InternalErrorException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 500;
    }
}
