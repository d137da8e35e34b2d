package org.gms.server.security.headers;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.gms.server.config.StartProperties;

/**
 * CORS for {@code /genesys} and {@code /genesys/cometd} with Jetty's {@link CrossOriginHandler}, configured by the
 * {@code jetty.crossorigin.*} properties of {@code etc/start.ini} as GMS 8.5.3 does. Unlike a bare Jetty handler, the
 * defaults allow every origin (GMS's choice) and the {@code gms_user} and {@code Authorization} headers.
 */
public final class CrossOrigin {

    static final String PREFIX = "jetty.crossorigin.";

    private CrossOrigin() {
    }

    public static CrossOriginHandler create(StartProperties start) {
        CrossOriginHandler cors = new CrossOriginHandler();
        cors.setAllowCredentials(Boolean.parseBoolean(start.get(PREFIX + "allowCredentials")));
        cors.setAllowedHeaders(set(start.get(PREFIX + "allowedHeaders")));
        cors.setAllowedMethods(set(start.get(PREFIX + "allowedMethods")));
        cors.setAllowedOriginPatterns(origins(start.get(PREFIX + "allowedOriginPatterns")));
        cors.setAllowedTimingOriginPatterns(origins(start.get(PREFIX + "allowedTimingOriginPatterns")));
        cors.setDeliverPreflightRequests(Boolean.parseBoolean(start.get(PREFIX + "deliverPreflightRequests")));
        cors.setDeliverNonAllowedOriginRequests(
                Boolean.parseBoolean(start.get(PREFIX + "deliverNonAllowedOriginRequests")));
        cors.setExposedHeaders(set(start.get(PREFIX + "exposedHeaders")));
        cors.setPreflightMaxAge(Duration.ofSeconds(start.integer(PREFIX + "preflightMaxAge")));
        return cors;
    }

    /** Jetty takes regular expressions; {@code *} alone is the usual way to say "any origin". */
    private static Set<String> origins(String value) {
        Set<String> patterns = new LinkedHashSet<>();
        for (String pattern : set(value)) {
            patterns.add(pattern.equals("*") ? ".*" : pattern);
        }
        return patterns;
    }

    private static Set<String> set(String value) {
        Set<String> items = new LinkedHashSet<>();
        Arrays.stream(value.split(",")).map(String::strip).filter(item -> !item.isEmpty()).forEach(items::add);
        return items;
    }
}
