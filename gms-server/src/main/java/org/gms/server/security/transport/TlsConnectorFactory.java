package org.gms.server.security.transport;

import java.nio.file.Path;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.gms.server.config.StartProperties;

/**
 * The HTTPS connector, built from the {@code jetty.ssl.*} and {@code jetty.sslContext.*} properties of
 * {@code etc/start.ini}: TLS 1.3 and 1.2 only, HTTP/2 negotiated by ALPN next to HTTP/1.1, SNI checks as Jetty's
 * {@code SecureRequestCustomizer} does them. HSTS is added by the header handler, so it survives a servlet's reset.
 */
public final class TlsConnectorFactory {

    public static final String NAME = "https";
    public static final String KEY_STORE_PATH = "jetty.sslContext.keyStorePath";
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    static final String[] REFUSED_PROTOCOLS = {"SSL", "SSLv2", "SSLv2Hello", "SSLv3", "TLSv1", "TLSv1.1"};

    private TlsConnectorFactory() {
    }

    public static boolean enabled(StartProperties start) {
        return !start.get(KEY_STORE_PATH).isBlank();
    }

    public static ServerConnector create(Server jetty, StartProperties start, HttpConfiguration plain, Path home) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(home.resolve(start.get(KEY_STORE_PATH)).toString());
        tls.setKeyStorePassword(start.get("jetty.sslContext.keyStorePassword"));
        tls.setKeyStoreType(start.get("jetty.sslContext.keyStoreType"));
        String keyManagerPassword = start.get("jetty.sslContext.keyManagerPassword");
        if (!keyManagerPassword.isEmpty()) {
            tls.setKeyManagerPassword(keyManagerPassword);
        }
        String trustStore = start.get("jetty.sslContext.trustStorePath");
        if (!trustStore.isBlank()) {
            tls.setTrustStorePath(home.resolve(trustStore).toString());
            tls.setTrustStorePassword(start.get("jetty.sslContext.trustStorePassword"));
            tls.setTrustStoreType(start.get("jetty.sslContext.trustStoreType"));
        }
        String alias = start.get("jetty.sslContext.certAlias");
        if (!alias.isBlank()) {
            tls.setCertAlias(alias);
        }
        tls.setIncludeProtocols(PROTOCOLS);
        tls.setExcludeProtocols(REFUSED_PROTOCOLS);
        tls.setSniRequired(Boolean.parseBoolean(start.get("jetty.sslContext.sniRequired")));
        // HTTP/2 forbids some cipher suites; this order puts the ones it accepts first
        tls.setCipherComparator(HTTP2Cipher.COMPARATOR);

        HttpConfiguration secure = new HttpConfiguration(plain);
        SecureRequestCustomizer customizer = new SecureRequestCustomizer(
                Boolean.parseBoolean(start.get("jetty.ssl.sniRequired")),
                Boolean.parseBoolean(start.get("jetty.ssl.sniHostCheck")), -1, false);
        secure.addCustomizer(customizer);

        HttpConnectionFactory http1 = new HttpConnectionFactory(secure);
        HTTP2ServerConnectionFactory http2 = new HTTP2ServerConnectionFactory(secure);
        // ALPN names are compared as sent: "http/1.1" (RFC 7301), not the factory's "HTTP/1.1", or a client that offers
        // only http/1.1 finds no protocol in common and the handshake fails
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory(http2.getProtocol(), "http/1.1");
        alpn.setDefaultProtocol(http1.getProtocol());
        SslConnectionFactory ssl = new SslConnectionFactory(tls, alpn.getProtocol());

        ServerConnector connector = new ServerConnector(jetty, ssl, alpn, http2, http1);
        connector.setName(NAME);
        connector.setPort(start.integer(StartProperties.SSL_PORT));
        String host = start.get("jetty.ssl.host");
        connector.setHost(host.isBlank() ? null : host);
        connector.setIdleTimeout(start.integer("jetty.ssl.idleTimeout"));
        return connector;
    }
}
