package org.gms.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import org.gms.server.GmsServer;
import org.gms.server.GmsServerExtension;
import org.gms.server.security.TlsTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class StartupChecksIT {

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.noServer();

    @Test
    void should_stop_with_a_clear_message_when_external_url_base_names_another_port() throws IOException {
        int port = freePort();
        GmsServer server = gms.create(gms.builder()
                .startProperty("jetty.http.port", Integer.toString(port))
                .option("server", "external_url_base", "http://lb.example.com:9999/"));
        assertThatThrownBy(server::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The port 9999 of [server] external_url_base")
                .hasMessageContaining("differs from the HTTP port " + port);
        assertThat(server.isStarted()).isFalse();
    }

    @Test
    void should_start_and_advertise_the_https_port_when_external_url_base_names_it(@TempDir Path folder)
            throws Exception {
        int httpsPort = freePort();
        GmsServer server = gms.start(gms.builder()
                .startProperty("jetty.ssl.host", "127.0.0.1")
                .startProperty("jetty.ssl.port", Integer.toString(httpsPort))
                .startProperty("jetty.sslContext.keyStorePath", TlsTestSupport.keystore(folder).toString())
                .startProperty("jetty.sslContext.keyStorePassword", TlsTestSupport.PASSWORD)
                .option("server", "external_url_base", "https://gmshost:" + httpsPort + "/")
                .option("server", "web_scheme", "https"));
        assertThat(server.nodeUrl().getScheme()).isEqualTo("https");
        assertThat(server.nodeUrl().getPort()).isEqualTo(httpsPort);
        // the keystore is self-signed: the probe still finds the node
        assertThat(StartupChecks.probe(server.nodeUrl())).isTrue();
    }

    @Test
    void should_raise_alarm_2002_when_nothing_answers_on_the_advertised_url() throws IOException {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger alarms = (Logger) LoggerFactory.getLogger(Alarms.class);
        alarms.addAppender(logs);
        try {
            boolean answered = StartupChecks.probe(URI.create("http://127.0.0.1:" + freePort() + "/genesys"));
            assertThat(answered).isFalse();
            assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anyMatch(line -> line.startsWith("Alarm EventId 2002: No server answers on http://127.0.0.1:"));
        } finally {
            alarms.detachAppender(logs);
        }
    }

    @Test
    void should_find_its_own_node_when_the_advertised_url_is_this_server() throws Exception {
        GmsServer server = gms.start(gms.builder());
        assertThat(StartupChecks.probe(server.nodeUrl())).isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
