package org.gms.storage.error;

/** The caller may not see or change this resource: HTTP 403. */
public class ForbiddenException extends GmsException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 403;
    }
}
