package org.gms.callback.api;

import org.gms.core.error.GmsException;
import org.gms.core.error.WireName;

/** A callback limit or throttle reached, a paused service: 503, the client may try later. */
@WireName("com.genesyslab.gsg.services.callback.exceptions.CallbackExceptionServiceUnavailable")
public final class CallbackUnavailableException extends GmsException {

    private static final long serialVersionUID = 1L;

    public CallbackUnavailableException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 503;
    }
}
