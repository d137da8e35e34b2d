package org.gms.callback.capacity;

import org.gms.storage.error.GmsException;

/** A capacity over {@code _max_capacity}; the wire name is the one GMS clients know. */
public final class CapacityException extends GmsException {

    private static final long serialVersionUID = 1L;

    public CapacityException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String wireName() {
        return "com.genesyslab.gsg.services.capacity.CapacityException";
    }
}
