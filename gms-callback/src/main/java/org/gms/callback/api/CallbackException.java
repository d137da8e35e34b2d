package org.gms.callback.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gms.core.error.GmsException;
import org.gms.core.error.WireName;

/**
 * A callback request refused for its content (a desired time outside office hours, in a full slot, too far ahead or
 * too long ago; a missing mandatory key): 400. A refused desired time carries {@code availability}, the nearby free
 * slots (slot start to free places), so the client can offer another time.
 */
@WireName("com.genesyslab.gsg.services.callback.exceptions.CallbackException")
public class CallbackException extends GmsException {

    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, Integer> availability;

    public CallbackException(String message) {
        this(message, Map.of());
    }

    public CallbackException(String message, Map<String, Integer> availability) {
        super(message);
        this.availability = availability == null ? null : new LinkedHashMap<>(availability);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public Map<String, Object> details() {
        return availability == null || availability.isEmpty() ? Map.of() : Map.of("availability", availability);
    }
}
