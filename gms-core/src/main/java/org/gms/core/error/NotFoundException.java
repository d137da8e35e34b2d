package org.gms.core.error;

/** Unknown id, key or resource, or no match: HTTP 404. */
@WireName("org.gms.storage.error.NotFoundException")
public class NotFoundException extends GmsException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 404;
    }
}
