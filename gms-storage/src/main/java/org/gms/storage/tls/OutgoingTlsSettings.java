package org.gms.storage.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TLS settings of one outgoing target (a push provider, a webhook, an external Cassandra), read from its section with
 * an optional key prefix, e.g. {@code [push.provider.x] tls-mode = mutual}:
 * <ul>
 * <li>{@code tls-mode}: {@code off} (default), {@code single} (server certificate checked), {@code mutual} (and a
 * client certificate presented);</li>
 * <li>{@code tls-truststore}, {@code tls-truststore-password}, {@code tls-truststore-type} (PKCS12 default): the
 * certificates trusted for this target only; empty: the JVM's default trust, which is never replaced;</li>
 * <li>{@code tls-client-certificate}, {@code tls-client-certificate-password}: the PKCS#12 file of the client
 * certificate and key, required by {@code mutual};</li>
 * <li>{@code tls-min-version}: {@code TLSv1.2} (default) or {@code TLSv1.3}.</li>
 * </ul>
 * Relative paths resolve against the installation folder. Build the {@code SSLContext} with {@link TlsContextFactory}.
 */
public record OutgoingTlsSettings(TlsMode mode, Optional<Path> trustStore, String trustStorePassword,
                                  String trustStoreType, Optional<Path> clientCertificate,
                                  String clientCertificatePassword, String minVersion) {

    public static final String DEFAULT_MIN_VERSION = "TLSv1.2";
    public static final List<String> VERSIONS = List.of("TLSv1.2", "TLSv1.3");
    public static final OutgoingTlsSettings OFF = new OutgoingTlsSettings(TlsMode.OFF, Optional.empty(), "", "PKCS12",
            Optional.empty(), "", DEFAULT_MIN_VERSION);

    public OutgoingTlsSettings {
        if (!VERSIONS.contains(minVersion)) {
            throw new IllegalArgumentException("TLS minimum version must be one of " + VERSIONS + ", not " + minVersion);
        }
        if (mode == TlsMode.MUTUAL && clientCertificate.isEmpty()) {
            throw new IllegalArgumentException("TLS mode mutual needs a client certificate");
        }
    }

    /** Reads {@code <prefix>tls-*} keys of {@code section}; messages name {@code [sectionName] option}. */
    public static OutgoingTlsSettings from(String sectionName, Map<String, String> section, String prefix, Path home) {
        String modeKey = prefix + "tls-mode";
        String modeText = section.getOrDefault(modeKey, "").strip();
        TlsMode mode;
        try {
            mode = modeText.isEmpty() ? TlsMode.OFF : TlsMode.parse(modeText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Wrong value [" + modeText + "] for option [" + sectionName
                    + "] " + modeKey + ": use off, single or mutual");
        }
        Optional<Path> trustStore = path(section, prefix + "tls-truststore", home, sectionName);
        Optional<Path> certificate = path(section, prefix + "tls-client-certificate", home, sectionName);
        String minKey = prefix + "tls-min-version";
        String minVersion = section.getOrDefault(minKey, "").isBlank() ? DEFAULT_MIN_VERSION : section.get(minKey).strip();
        if (!VERSIONS.contains(minVersion)) {
            throw new IllegalArgumentException("Wrong value [" + minVersion + "] for option [" + sectionName + "] "
                    + minKey + ": use TLSv1.2 or TLSv1.3");
        }
        if (mode == TlsMode.MUTUAL && certificate.isEmpty()) {
            throw new IllegalArgumentException("Mandatory option [" + sectionName + "] " + prefix
                    + "tls-client-certificate not specified for tls-mode mutual");
        }
        String type = section.getOrDefault(prefix + "tls-truststore-type", "").strip();
        return new OutgoingTlsSettings(mode, trustStore, section.getOrDefault(prefix + "tls-truststore-password", ""),
                type.isEmpty() ? "PKCS12" : type, certificate,
                section.getOrDefault(prefix + "tls-client-certificate-password", ""), minVersion);
    }

    private static Optional<Path> path(Map<String, String> section, String key, Path home, String sectionName) {
        String value = section.getOrDefault(key, "").strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Path path = home.resolve(value);
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("Wrong value [" + value + "] for option [" + sectionName + "] " + key
                    + ": no readable file " + path);
        }
        return Optional.of(path);
    }

    @Override
    public String toString() {
        return "OutgoingTlsSettings[" + mode + ", trustStore=" + trustStore + ", clientCertificate=" + clientCertificate
                + ", minVersion=" + minVersion + ", passwords hidden]";
    }
}
