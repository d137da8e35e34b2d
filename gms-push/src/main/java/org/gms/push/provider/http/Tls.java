package org.gms.push.provider.http;

import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.gms.push.config.HttpSettings;

/** TLS of outgoing push connections, configured per client so the JVM-wide trust store is never changed. */
public final class Tls {

    private Tls() {
    }

    public static SslContextFactory.Client clientContext(HttpSettings settings) {
        SslContextFactory.Client tls = new SslContextFactory.Client(settings.trustAll());
        if (settings.trustAll()) {
            tls.setEndpointIdentificationAlgorithm(null);
        }
        if (settings.truststore() != null) {
            tls.setTrustStorePath(settings.truststore().toString());
            tls.setTrustStorePassword(settings.truststorePassword());
        }
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        return tls;
    }
}
