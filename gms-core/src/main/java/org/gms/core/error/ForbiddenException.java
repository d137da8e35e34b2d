package org.gms.core.error;

/** The caller may not see or change this resource: HTTP 403. */
@WireName("org.gms.storage.error.ForbiddenException")
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
