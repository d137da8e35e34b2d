package org.gms.core.error;

/** The request body or a value in it exceeds a configured limit: HTTP 413. */
@WireName("org.gms.storage.error.PayloadTooLargeException")
public class PayloadTooLargeException extends GmsException {

    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(String message) {
        super(message);
    }

    public PayloadTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int status() {
        return 413;
    }
}
