package org.gms.callback.capacity;

import org.gms.core.error.GmsException;
import org.gms.core.error.WireName;

/** A capacity over {@code _max_capacity}; the wire name is the one GMS clients know. */
@WireName("com.genesyslab.gsg.services.capacity.CapacityException")
public final class CapacityException extends GmsException {

    private static final long serialVersionUID = 1L;

    public CapacityException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 400;
    }
}
