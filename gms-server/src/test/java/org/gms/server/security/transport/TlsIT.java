package org.gms.server.security.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClientTransport;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.TestServers;
import org.gms.server.security.TlsTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class TlsIT {

    @TempDir
    static Path folder;
    private static Path keystore;

    /** JUnit fills {@code folder} before any extension of the class starts, so the keystore can be made here. */
    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> {
        keystore = TlsTestSupport.keystore(folder);
        tls(builder);
    });

    private static TestServers tls(TestServers builder) {
        return builder
                .startProperty("jetty.ssl.host", "127.0.0.1").startProperty("jetty.ssl.port", "0")
                .startProperty("jetty.sslContext.keyStorePath", keystore.toString())
                .startProperty("jetty.sslContext.keyStorePassword", TlsTestSupport.PASSWORD);
    }

    private static int httpsPort() {
        return gms.server().httpsPort();
    }

    private static URI https(String path) {
        return URI.create("https://127.0.0.1:" + httpsPort() + "/genesys" + path);
    }

    private static String handshake(String protocol, int port) throws Exception {
        try (SSLSocket socket = (SSLSocket) TlsTestSupport.trustAll().getSocketFactory()
                .createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10000);
            socket.setEnabledProtocols(new String[] {protocol});
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }

    @Test
    void should_accept_the_handshake_when_the_client_offers_tls_1_2_or_1_3() throws Exception {
        assertThat(handshake("TLSv1.3", httpsPort())).isEqualTo("TLSv1.3");
        assertThat(handshake("TLSv1.2", httpsPort())).isEqualTo("TLSv1.2");
    }

    @Test
    void should_refuse_the_handshake_when_the_client_offers_only_tls_1_1_or_1_0() {
        assertThatThrownBy(() -> handshake("TLSv1.1", httpsPort())).isInstanceOf(SSLException.class);
        assertThatThrownBy(() -> handshake("TLSv1", httpsPort())).isInstanceOf(SSLException.class);
    }

    /** Without this the refusal above could come from the client's JVM rather than from the server. */
    @Test
    void should_complete_a_tls_1_1_handshake_when_a_plain_jdk_server_allows_it() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream input = Files.newInputStream(keystore)) {
            store.load(input, TlsTestSupport.PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, TlsTestSupport.PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        try (SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setEnabledProtocols(new String[] {"TLSv1.1"});
            CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
                try (SSLSocket socket = (SSLSocket) server.accept()) {
                    socket.startHandshake();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertThat(handshake("TLSv1.1", server.getLocalPort())).isEqualTo("TLSv1.1");
            accepted.get(10, TimeUnit.SECONDS);
        }
    }

    /** What a client offering these ALPN protocols (none: no ALPN) ends up speaking, after one request over it. */
    private static String negotiated(String protocol, String... offered) throws Exception {
        try (SSLSocket socket = (SSLSocket) TlsTestSupport.trustAll().getSocketFactory()
                .createSocket("127.0.0.1", httpsPort())) {
            socket.setSoTimeout(10000);
            socket.setEnabledProtocols(new String[] {protocol});
            if (offered.length > 0) {
                javax.net.ssl.SSLParameters parameters = socket.getSSLParameters();
                parameters.setApplicationProtocols(offered);
                socket.setSSLParameters(parameters);
            }
            socket.startHandshake();
            String alpn = socket.getApplicationProtocol();
            if (!"h2".equals(alpn)) {
                socket.getOutputStream().write("GET /genesys/1/node HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(),
                        java.nio.charset.StandardCharsets.US_ASCII);
                assertThat(answer).startsWith("HTTP/1.1 200").endsWith("ONLINE");
            }
            return alpn == null || alpn.isEmpty() ? "(none)" : alpn;
        }
    }

    @Test
    void should_speak_http_1_1_to_a_client_that_offers_only_http_1_1_or_no_alpn_and_h2_to_one_that_offers_it()
            throws Exception {
        for (String protocol : new String[] {"TLSv1.3", "TLSv1.2"}) {
            assertThat(negotiated(protocol, "http/1.1")).as(protocol).isEqualTo("http/1.1");
            assertThat(negotiated(protocol)).as(protocol).isEqualTo("(none)");
            assertThat(negotiated(protocol, "h2", "http/1.1")).as(protocol).isEqualTo("h2");
        }
    }

    @Test
    void should_answer_over_http2_when_the_client_negotiates_h2_with_alpn() throws Exception {
        HTTP2Client http2 = new HTTP2Client();
        SslContextFactory.Client tls = new SslContextFactory.Client(true);
        tls.setEndpointIdentificationAlgorithm(null);
        http2.getClientConnector().setSslContextFactory(tls);
        HttpClientTransport transport = new HttpClientTransportOverHTTP2(http2);
        org.eclipse.jetty.client.HttpClient client = new org.eclipse.jetty.client.HttpClient(transport);
        client.start();
        try {
            ContentResponse answer = client.newRequest(https("/1/node")).timeout(10, TimeUnit.SECONDS).send();
            assertThat(answer.getVersion()).isEqualTo(HttpVersion.HTTP_2);
            assertThat(answer.getStatus()).isEqualTo(200);
            assertThat(answer.getContentAsString()).isEqualTo("ONLINE");
            assertThat(answer.getHeaders().get("Strict-Transport-Security"))
                    .isEqualTo("max-age=31536000; includeSubDomains");
        } finally {
            client.stop();
        }
    }

    @Test
    void should_send_hsts_on_https_answers_only() throws Exception {
        HttpClient client = TlsTestSupport.httpsClient();
        HttpResponse<String> secure = client.send(HttpRequest.newBuilder(https("/1/node")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(secure.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(secure.headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000; includeSubDomains");
        HttpResponse<String> error = client.send(HttpRequest.newBuilder(https("/1/no-such-api")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(error.statusCode()).isEqualTo(404);
        assertThat(error.headers().firstValue("Strict-Transport-Security")).isPresent();

        HttpResponse<String> plain = gms.http().get("/1/node");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void should_redirect_plain_http_to_https_except_the_node_check_when_https_only_is_on() throws Exception {
        HttpTestClient plain = gms.http();
        gms.reconfigure(builder -> tls(builder).option("server", "https-only", "true"));
        try {
            HttpResponse<String> redirected = plain.get("/1/storage/abc?x=1");
            assertThat(redirected.statusCode()).isEqualTo(301);
            assertThat(redirected.headers().firstValue("Location"))
                    .hasValue("https://127.0.0.1:" + httpsPort() + "/genesys/1/storage/abc?x=1");
            assertThat(plain.get("/1/node").statusCode()).isEqualTo(200);
            HttpResponse<String> secure = TlsTestSupport.httpsClient().send(
                    HttpRequest.newBuilder(https("/1/node")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(secure.statusCode()).isEqualTo(200);
        } finally {
            gms.restoreConfig();
        }
        assertThat(plain.get("/1/storage/abc").statusCode()).isNotEqualTo(301);
    }

    @Test
    void should_mark_the_admin_session_cookie_secure_when_the_login_is_over_https() throws Exception {
        String credentials = Base64.getEncoder().encodeToString((TestServers.ADMIN_USER + ":"
                + TestServers.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> login = TlsTestSupport.httpsClient().send(HttpRequest.newBuilder(
                https("/1/admin/node/status")).header("Authorization", "Basic " + credentials).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).contains("HttpOnly", "Secure"));
    }
}
