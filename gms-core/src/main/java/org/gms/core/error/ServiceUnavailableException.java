package org.gms.core.error;

/** A limit, throttling or a suspended node: HTTP 503, the client may retry later. */
@WireName("org.gms.storage.error.ServiceUnavailableException")
public class ServiceUnavailableException extends GmsException {

    private static final long serialVersionUID = 1L;

    public ServiceUnavailableException(String message) {
        super(message);
    }

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int status() {
        return 503;
    }
}
