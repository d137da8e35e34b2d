package org.gms.core.error;

/** Any other HTTP error status the container answers (414 URI too long, 431 headers too large, ...). */
@WireName("org.gms.server.http.HttpException")
public final class HttpStatusException extends GmsException {

    private static final long serialVersionUID = 1L;
    private final int status;

    public HttpStatusException(int status, String message) {
        super(message);
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
