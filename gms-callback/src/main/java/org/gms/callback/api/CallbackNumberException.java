package org.gms.callback.api;

import org.gms.core.error.GmsException;
import org.gms.core.error.WireName;

/** A customer number the phone checks refuse ({@code _disallow_premium_phone_numbers}, ...): 400. */
@WireName("com.genesyslab.gsg.services.callback.exceptions.CallbackExceptionNumber")
public final class CallbackNumberException extends GmsException {

    private static final long serialVersionUID = 1L;

    public CallbackNumberException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 400;
    }
}
