package org.gms.server.service;

import org.gms.core.error.GmsException;
import org.gms.core.error.WireName;

/** An ORS-backed service while this server runs no ORS adapter: HTTP 500 with the GMS exception name. */
@WireName("com.genesyslab.gsg.services.ors.OrsServiceException")
final class OrsServiceException extends GmsException {

    private static final long serialVersionUID = 1L;

    OrsServiceException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 500;
    }
}
