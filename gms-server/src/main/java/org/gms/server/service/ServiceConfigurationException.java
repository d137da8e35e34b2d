package org.gms.server.service;

import org.gms.core.error.GmsException;
import org.gms.core.error.WireName;

/** A service section that cannot run as configured: HTTP 500, logged once with a reference. */
@WireName("com.genesyslab.gsg.services.ServiceException")
final class ServiceConfigurationException extends GmsException {

    private static final long serialVersionUID = 1L;

    ServiceConfigurationException(String message) {
        super(message);
    }

    ServiceConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int status() {
        return 500;
    }
}
