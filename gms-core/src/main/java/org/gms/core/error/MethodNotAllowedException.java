package org.gms.core.error;

/** A method the resource does not serve: HTTP 405 (the answer carries {@code Allow}). */
@WireName("org.gms.server.http.MethodNotAllowedException")
public final class MethodNotAllowedException extends GmsException {

    private static final long serialVersionUID = 1L;

    public MethodNotAllowedException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 405;
    }
}
