package org.gms.push.config;

import java.nio.file.Path;
import java.time.Duration;
import org.gms.core.config.ConfigView;

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
    /** Whole-exchange timeout of a push request: well under the delivery lease. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_PER_ROUTE, DEFAULT_TOTAL, Duration.ofSeconds(DEFAULT_CONNECT_TIMEOUT_SECONDS),
                REQUEST_TIMEOUT, false, null, "");
    }

    /** From {@code [push]} and {@code [gms]}; out-of-range values were already replaced by the GMS defaults. */
    public static HttpSettings from(ConfigView config) {
        String truststore = config.value("gms", "http.truststore");
        return new HttpSettings(config.intValue(PushConfiguration.SECTION, "httpcb.connection_max_connections_per_route"),
                config.intValue(PushConfiguration.SECTION, "httpcb.max_connections_total"),
                Duration.ofSeconds(config.intValue(PushConfiguration.SECTION, "httpcb.connection_timeout")),
                REQUEST_TIMEOUT, config.boolValue("gms", "http.ssl_trust_all"),
                truststore.isEmpty() ? null : config.home().resolve(truststore),
                config.secret("gms", "http.truststore-password"));
    }
}
