package org.gms.storage.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the {@link SSLContext} of one outgoing target from its {@link OutgoingTlsSettings}, with JDK classes only. The
 * context is the target's own: the JVM-wide default context and trust store are never changed.
 */
public final class TlsContextFactory {

    private TlsContextFactory() {
    }

    /** The context, or empty for {@link TlsMode#OFF}. */
    public static Optional<SSLContext> create(OutgoingTlsSettings settings) {
        if (settings.mode() == TlsMode.OFF) {
            return Optional.empty();
        }
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(settings.trustStore().isPresent()
                    ? load(settings.trustStore().get(), settings.trustStoreType(), settings.trustStorePassword())
                    : null);
            KeyManager[] keys = null;
            if (settings.mode() == TlsMode.MUTUAL) {
                char[] password = settings.clientCertificatePassword().toCharArray();
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(load(settings.clientCertificate().orElseThrow(), "PKCS12",
                        settings.clientCertificatePassword()), password);
                keys = factory.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust.getTrustManagers(), null);
            return Optional.of(context);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("Cannot build the TLS context (" + settings + "): " + e.getMessage(), e);
        }
    }

    /** The protocols to enable: the minimum version and the newer ones. */
    public static String[] protocols(OutgoingTlsSettings settings) {
        List<String> versions = OutgoingTlsSettings.VERSIONS;
        return versions.subList(versions.indexOf(settings.minVersion()), versions.size()).toArray(String[]::new);
    }

    /** Parameters for a socket or engine: allowed protocols and host name verification. */
    public static SSLParameters parameters(OutgoingTlsSettings settings) {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(protocols(settings));
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        return parameters;
    }

    private static KeyStore load(Path file, String type, String password) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream input = Files.newInputStream(file)) {
            store.load(input, password.toCharArray());
        }
        return store;
    }
}
