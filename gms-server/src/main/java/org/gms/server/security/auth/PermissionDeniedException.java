package org.gms.server.security.auth;

import org.gms.core.error.GmsException;
import org.gms.core.error.WireName;

/** The user may not do this (role too low, or the admin API has no user): HTTP 403 with the GMS name. */
@WireName("com.genesyslab.platform.applicationblocks.com.ConfigServerException")
public final class PermissionDeniedException extends GmsException {

    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 403;
    }
}
