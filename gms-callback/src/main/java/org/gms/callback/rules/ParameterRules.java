package org.gms.callback.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The request-parameter throttle of a service: each value of each listed parameter may be requested
 * {@code limit} times per server calendar day ({@link ParameterCounterKey}); a limit of 0 rejects every request
 * that carries one of the parameters.
 *
 * @param limit            accepted callbacks per value and day
 * @param parameters       names of the counted parameters, body or header
 * @param headerParameters whether values are also taken from HTTP headers, a header winning over the body
 */
public record ParameterRules(int limit, List<String> parameters, boolean headerParameters) {

    public ParameterRules {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 or more: " + limit);
        }
        parameters = List.copyOf(parameters);
    }

    /**
     * The values a request is counted under, by parameter in the order of {@link #parameters()}. Header names
     * match whatever their case; a blank value counts as no value, so a blank header leaves the body value.
     */
    public Map<String, String> countedValues(Map<String, String> body, Map<String, String> headers) {
        Map<String, String> headersByName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headerParameters) {
            headersByName.putAll(headers);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String parameter : parameters) {
            String header = headersByName.get(parameter);
            String value = header != null && !header.isBlank() ? header : body.get(parameter);
            if (value != null && !value.isBlank()) {
                values.put(parameter, value);
            }
        }
        return values;
    }

    /**
     * The 503 message when a request for {@code parameter=value} must be refused, given how many requests with that
     * value this service accepted earlier today.
     */
    public Optional<String> rejection(String parameter, String value, long earlierAccepted) {
        if (earlierAccepted < limit) {
            return Optional.empty();
        }
        return Optional.of("Callback for " + parameter + "=" + value + " rejected because previous callbacks for this"
                + " parameter were requested for more than " + limit + " times today.");
    }
}
