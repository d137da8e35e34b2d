package org.gms.callback.api;

import org.gms.core.error.GmsException;
import org.gms.core.error.WireName;

/**
 * An unknown callback (404: unknown id, already cancelled) or an unknown contact center of the shared mode (400, as
 * GMS answers it).
 */
@WireName("com.genesyslab.gsg.services.callback.exceptions.CallbackExceptionNotFound")
public final class CallbackNotFoundException extends GmsException {

    private static final long serialVersionUID = 1L;

    private final int status;

    private CallbackNotFoundException(String message, int status) {
        super(message);
        this.status = status;
    }

    public static CallbackNotFoundException unknownCallback(String message) {
        return new CallbackNotFoundException(message, 404);
    }

    public static CallbackNotFoundException unknownContactCenter(String id) {
        return new CallbackNotFoundException("Callback Contact Center ID: " + id
                + " is not configured in transaction list.", 400);
    }

    @Override
    public int status() {
        return status;
    }
}
