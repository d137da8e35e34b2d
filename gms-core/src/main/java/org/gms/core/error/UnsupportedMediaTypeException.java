package org.gms.core.error;

/** A request body in a content type the API does not accept (the notification API takes JSON only): 415. */
@WireName("org.gms.server.http.UnsupportedMediaTypeException")
public final class UnsupportedMediaTypeException extends GmsException {

    private static final long serialVersionUID = 1L;

    public UnsupportedMediaTypeException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 415;
    }
}
