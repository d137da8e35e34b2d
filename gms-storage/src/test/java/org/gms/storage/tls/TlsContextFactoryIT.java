package org.gms.storage.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real handshakes against a JDK TLS server, with key stores made by keytool. */
class TlsContextFactoryIT {

    private static final String PASSWORD = "changeit-test";

    @TempDir
    static Path home;

    @BeforeAll
    static void keys() throws Exception {
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", "server.p12", "-storepass", PASSWORD, "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1");
        keytool("-genkeypair", "-alias", "client", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", "client.p12", "-storepass", PASSWORD, "-dname", "CN=gms-client");
        keytool("-exportcert", "-alias", "server", "-keystore", "server.p12", "-storepass", PASSWORD, "-file", "server.crt");
        keytool("-exportcert", "-alias", "client", "-keystore", "client.p12", "-storepass", PASSWORD, "-file", "client.crt");
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", "server.crt", "-storetype", "PKCS12",
                "-keystore", "trust-server.p12", "-storepass", PASSWORD);
        keytool("-importcert", "-noprompt", "-alias", "client", "-file", "client.crt", "-storetype", "PKCS12",
                "-keystore", "trust-client.p12", "-storepass", PASSWORD);
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("keytool"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }

    private static KeyStore load(String file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream input = Files.newInputStream(home.resolve(file))) {
            store.load(input, PASSWORD.toCharArray());
        }
        return store;
    }

    /** Runs one handshake of {@code client} against a server that requires a client certificate when asked. */
    private static String handshake(SSLContext client, OutgoingTlsSettings settings, boolean needClientAuth)
            throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load("server.p12"), PASSWORD.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load("trust-client.p12"));
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        ExecutorService serverThread = Executors.newSingleThreadExecutor();
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setNeedClientAuth(needClientAuth);
            CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
                try (SSLSocket socket = (SSLSocket) listener.accept()) {
                    socket.setSoTimeout(30000);
                    socket.startHandshake();
                    socket.getOutputStream().write(42);
                    socket.getOutputStream().flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, serverThread);
            String protocol;
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("localhost",
                    listener.getLocalPort())) {
                socket.setSSLParameters(TlsContextFactory.parameters(settings));
                socket.setSoTimeout(30000);
                socket.startHandshake();
                // TLS 1.3 reports a refused client certificate only when the client reads
                assertThat(socket.getInputStream().read()).isEqualTo(42);
                protocol = socket.getSession().getProtocol();
            }
            // the client is closed first: the server's close waits for the client's close_notify
            try {
                accepted.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new SSLException("server side failed", e.getCause());
            }
            return protocol;
        } finally {
            serverThread.shutdownNow();
        }
    }

    @Test
    void should_trust_the_target_store_and_present_the_client_certificate_when_mode_is_mutual() throws Exception {
        OutgoingTlsSettings settings = OutgoingTlsSettings.from("webhook", Map.of("tls-mode", "mutual",
                "tls-truststore", "trust-server.p12", "tls-truststore-password", PASSWORD,
                "tls-client-certificate", "client.p12", "tls-client-certificate-password", PASSWORD), "", home);
        SSLContext client = TlsContextFactory.create(settings).orElseThrow();
        assertThat(handshake(client, settings, true)).isEqualTo("TLSv1.3");
    }

    @Test
    void should_fail_the_handshake_when_mode_is_single_and_the_server_demands_a_client_certificate() throws Exception {
        OutgoingTlsSettings settings = OutgoingTlsSettings.from("webhook", Map.of("tls-mode", "single",
                "tls-truststore", "trust-server.p12", "tls-truststore-password", PASSWORD,
                "tls-min-version", "TLSv1.2"), "", home);
        SSLContext client = TlsContextFactory.create(settings).orElseThrow();
        assertThat(handshake(client, settings, false)).isEqualTo("TLSv1.3");
        assertThatThrownBy(() -> handshake(client, settings, true)).isInstanceOf(IOException.class);
    }

    @Test
    void should_refuse_the_server_when_its_certificate_is_not_in_the_target_store() throws Exception {
        OutgoingTlsSettings settings = OutgoingTlsSettings.from("webhook", Map.of("tls-mode", "single",
                "tls-truststore", "trust-client.p12", "tls-truststore-password", PASSWORD), "", home);
        SSLContext client = TlsContextFactory.create(settings).orElseThrow();
        assertThatThrownBy(() -> handshake(client, settings, false)).isInstanceOf(SSLException.class);
        assertThat(SSLContext.getDefault()).isNotSameAs(client);
    }
}
