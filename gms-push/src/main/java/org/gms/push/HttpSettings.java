package org.gms.push;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Outgoing HTTP of the push providers: {@code [push] httpcb.*} pool limits and timeouts, and {@code [gms]}
 * {@code http.ssl_trust_all} / {@code http.truststore} (used by these clients only, never JVM-wide).
 *
 * @param maxConnectionsPerRoute connections per destination
 * @param maxConnectionsTotal    simultaneous requests over all destinations
 * @param connectTimeout         connect timeout
 * @param requestTimeout         whole-exchange timeout (must stay well under the delivery lease)
 * @param trustAll               accept any server certificate
 * @param truststore             trust store file, {@code null} for the JVM's default trust
 * @param truststorePassword     its password
 */
public record HttpSettings(int maxConnectionsPerRoute, int maxConnectionsTotal, Duration connectTimeout,
                           Duration requestTimeout, boolean trustAll, Path truststore, String truststorePassword) {

    public static final int DEFAULT_PER_ROUTE = 20;
    public static final int DEFAULT_TOTAL = 200;
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 5;

    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_PER_ROUTE, DEFAULT_TOTAL, Duration.ofSeconds(DEFAULT_CONNECT_TIMEOUT_SECONDS),
                Duration.ofSeconds(15), false, null, "");
    }

    /** From {@code [push]} and {@code [gms]} as set; invalid or too small values fall back to the GMS defaults. */
    public static HttpSettings from(Map<String, String> push, Map<String, String> gms, Path home) {
        int perRoute = atLeast(push.get("httpcb.connection_max_connections_per_route"), 2, DEFAULT_PER_ROUTE);
        int total = atLeast(push.get("httpcb.max_connections_total"), 5, DEFAULT_TOTAL);
        int connect = atLeast(push.get("httpcb.connection_timeout"), 1, DEFAULT_CONNECT_TIMEOUT_SECONDS);
        String truststore = gms.getOrDefault("http.truststore", "").trim();
        return new HttpSettings(perRoute, total, Duration.ofSeconds(connect), Duration.ofSeconds(15),
                Boolean.parseBoolean(gms.getOrDefault("http.ssl_trust_all", "false").trim()),
                truststore.isEmpty() ? null : home.resolve(truststore),
                gms.getOrDefault("http.truststore-password", ""));
    }

    private static int atLeast(String value, int minimum, int defaultValue) {
        try {
            int parsed = value == null || value.isBlank() ? defaultValue : Integer.parseInt(value.trim());
            return parsed < minimum ? defaultValue : parsed;
        } catch (NumberFormatException e) {
            return defaultValue;
        }
    }
}
