package org.gms.server.service;

import java.util.Map;
import org.gms.core.error.BadRequestException;

/**
 * One call of a built-in service.
 *
 * @param service    the service (section) name
 * @param parameters request parameters after the section's overrides
 * @param gmsUser    the {@code gms_user} header, {@code ""} when absent
 */
record ServiceCall(String service, Map<String, String> parameters, String gmsUser) {

    String text(String name, String fallback) {
        String value = parameters.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    String required(String name) {
        String value = text(name, "");
        if (value.isEmpty()) {
            throw new BadRequestException("Parameter [" + name + "] is mandatory for service [" + service + "]");
        }
        return value;
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(text(name, "false"));
    }

    int integer(String name, int fallback, int min, int max) {
        String value = text(name, "");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new BadRequestException("Wrong value [" + value + "] for parameter [" + name + "] of service [" + service
                + "]: use an integer from " + min + " to " + max);
    }
}
