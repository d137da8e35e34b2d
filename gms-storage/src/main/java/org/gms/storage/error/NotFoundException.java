package org.gms.storage.error;

/** Unknown id, key or resource, or no match: HTTP 404. */
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
