package org.gms.core.error;

/** A service section that cannot run as configured: HTTP 500, logged once with a reference. */
@WireName("com.genesyslab.gsg.services.ServiceException")
public final class ServiceConfigurationException extends GmsException {

    private static final long serialVersionUID = 1L;

    public ServiceConfigurationException(String message) {
        super(message);
    }

    public ServiceConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int status() {
        return 500;
    }
}
