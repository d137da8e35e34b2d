package org.gms.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.eclipse.jetty.util.security.Password;

/**
 * Jetty settings with the property names Jetty operators know, from {@code etc/start.ini}; each may be overridden by a
 * {@code -D} system property of the same name. {@code OBF:} values are decoded.
 */
public final class StartProperties {

    public static final String HTTP_PORT = "jetty.http.port";
    public static final String HTTP_HOST = "jetty.http.host";
    public static final String HTTP_IDLE_TIMEOUT = "jetty.http.idleTimeout";
    public static final String SSL_PORT = "jetty.ssl.port";

    /** Every property the server reads, with its default. */
    public static final Map<String, String> DEFAULTS = defaults();

    private final Map<String, String> values;

    private StartProperties(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static StartProperties load(Path startIni, Properties system) throws IOException {
        Map<String, String> fromFile = new LinkedHashMap<>();
        if (Files.exists(startIni)) {
            for (String raw : Files.readAllLines(startIni, StandardCharsets.UTF_8)) {
                String line = raw.strip();
                int equals = line.indexOf('=');
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("--") || equals <= 0) {
                    continue;
                }
                fromFile.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        return of(fromFile, system);
    }

    /** Defaults, then {@code given}, then system properties of the same names. */
    public static StartProperties of(Map<String, String> given, Properties system) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        values.putAll(given);
        for (String name : system.stringPropertyNames()) {
            if (name.startsWith("jetty.")) {
                values.put(name, system.getProperty(name));
            }
        }
        values.replaceAll((name, value) -> value.startsWith("OBF:") ? Password.deobfuscate(value) : value);
        return new StartProperties(values);
    }

    public String get(String name) {
        return values.getOrDefault(name, "");
    }

    public int integer(String name) {
        String value = get(name);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Wrong value [" + value + "] for Jetty property " + name);
        }
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(HTTP_HOST, "");
        defaults.put(HTTP_PORT, "8080");
        defaults.put(HTTP_IDLE_TIMEOUT, "30000");
        defaults.put("jetty.ssl.host", "");
        defaults.put(SSL_PORT, "8443");
        defaults.put("jetty.ssl.idleTimeout", "30000");
        defaults.put("jetty.sslContext.keyStorePath", "");
        defaults.put("jetty.sslContext.keyStorePassword", "");
        defaults.put("jetty.sslContext.keyStoreType", "PKCS12");
        defaults.put("jetty.sslContext.keyManagerPassword", "");
        defaults.put("jetty.sslContext.trustStorePath", "");
        defaults.put("jetty.sslContext.trustStorePassword", "");
        defaults.put("jetty.sslContext.trustStoreType", "PKCS12");
        defaults.put("jetty.sslContext.certAlias", "");
        defaults.put("jetty.sslContext.sniRequired", "false");
        defaults.put("jetty.ssl.sniRequired", "false");
        defaults.put("jetty.ssl.sniHostCheck", "true");
        defaults.put("jetty.ssl.stsMaxAgeSeconds", "31536000");
        defaults.put("jetty.ssl.stsIncludeSubdomains", "true");
        defaults.put("jetty.crossorigin.allowCredentials", "false");
        defaults.put("jetty.crossorigin.allowedHeaders", "Content-Type,Authorization,gms_user,X-Requested-With");
        defaults.put("jetty.crossorigin.allowedMethods", "GET,POST,PUT,DELETE,OPTIONS,HEAD");
        defaults.put("jetty.crossorigin.allowedOriginPatterns", "*");
        defaults.put("jetty.crossorigin.allowedTimingOriginPatterns", "");
        defaults.put("jetty.crossorigin.deliverPreflightRequests", "false");
        defaults.put("jetty.crossorigin.deliverNonAllowedOriginRequests", "true");
        defaults.put("jetty.crossorigin.exposedHeaders", "");
        defaults.put("jetty.crossorigin.preflightMaxAge", "60");
        defaults.put("jetty.httpConfig.requestHeaderSize", "8192");
        defaults.put("jetty.httpConfig.responseHeaderSize", "8192");
        defaults.put("jetty.threadPool.maxThreads", "200");
        defaults.put("jetty.threadPool.minThreads", "8");
        return Collections.unmodifiableMap(defaults);
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(values);
        shown.replaceAll((name, value) -> name.toLowerCase().contains("password") && !value.isEmpty() ? "****" : value);
        return shown.toString();
    }
}
