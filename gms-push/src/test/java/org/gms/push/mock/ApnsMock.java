package org.gms.push.mock;

import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A mock APNs: HTTP/2 over TLS with ALPN, a self-signed certificate, client certificates requested. Device token
 * {@code bad} answers 400 BadDeviceToken, {@code gone} 410 Unregistered, others 200 with an {@code apns-id}.
 */
public final class ApnsMock extends HttpReceiver {

    /** {@code clientTrust}: the certificates accepted from clients (Jetty ignores trust-all when it has a keystore). */
    public static ApnsMock start(Path keystore, String password, Path clientTrust) throws Exception {
        ApnsMock mock = new ApnsMock();
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(keystore.toString());
        tls.setKeyStorePassword(password);
        tls.setKeyStoreType("PKCS12");
        tls.setWantClientAuth(true);
        tls.setTrustStorePath(clientTrust.toString());
        tls.setTrustStorePassword(password);
        tls.setTrustStoreType("PKCS12");
        tls.setCipherComparator(HTTP2Cipher.COMPARATOR);
        HttpConfiguration config = new HttpConfiguration();
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        config.addCustomizer(secure);
        HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(config);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(h2.getProtocol());
        ServerConnector connector = new ServerConnector(mock.server, new SslConnectionFactory(tls, alpn.getProtocol()),
                alpn, h2);
        connector.setHost("127.0.0.1");
        mock.server.addConnector(connector);
        mock.answerWith(request -> {
            String token = request.path().substring(request.path().lastIndexOf('/') + 1);
            return switch (token) {
                case "bad" -> new Answer(400, Map.of(), "{\"reason\":\"BadDeviceToken\"}");
                case "gone" -> new Answer(410, Map.of(), "{\"reason\":\"Unregistered\",\"timestamp\":1700000000000}");
                default -> new Answer(200, Map.of("apns-id", String.valueOf(request.header("apns-id"))), "");
            };
        });
        mock.start();
        return mock;
    }

    public String endpoint() {
        return "https://127.0.0.1:" + port();
    }
}
