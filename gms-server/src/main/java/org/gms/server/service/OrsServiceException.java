package org.gms.server.service;

import org.gms.storage.error.GmsException;

/** An ORS-backed service while this server runs no ORS adapter: HTTP 500 with the GMS exception name. */
final class OrsServiceException extends GmsException {

    private static final long serialVersionUID = 1L;

    OrsServiceException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 500;
    }

    @Override
    public String wireName() {
        return "com.genesyslab.gsg.services.ors.OrsServiceException";
    }
}
