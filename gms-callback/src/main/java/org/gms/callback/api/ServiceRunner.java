package org.gms.callback.api;

import java.util.Map;
import org.gms.core.error.ServiceConfigurationException;

/**
 * Runs a service of the service API by name, as {@code POST /genesys/1/service/<name>} does: where the
 * {@code _redirect} of a callback service leads.
 */
@FunctionalInterface
public interface ServiceRunner {

    /** For a callback service alone: every redirect to a service other than a callback one is refused. */
    ServiceRunner NONE = (service, request, gmsUser) -> {
        throw new ServiceConfigurationException("Service [" + service + "] cannot run here: this server runs no"
                + " service API");
    };

    /**
     * @param request the request's parameters, as the callback create received them
     * @param gmsUser the {@code gms_user} header, {@code ""} when absent
     * @return a built-in service's answer (a JSON value), or the {@code OrsAnswer} of an ORS service to relay;
     *         a {@code NotFoundException} when no service has that name
     */
    Object run(String service, Map<String, String> request, String gmsUser);
}
