package org.gms.server.security.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PortRestrictionIT {

    private static int mainPort;
    private static int storagePort;

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> {
        mainPort = freePort();
        storagePort = freePort();
        builder.startProperty("jetty.http.port", Integer.toString(mainPort))
                .option("port_restrictions", "/genesys/1/storage*", Integer.toString(storagePort));
    });

    /** A port nobody listens on right now. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static HttpTestClient on(int port) {
        return new HttpTestClient(URI.create("http://127.0.0.1:" + port + "/genesys"));
    }

    @Test
    void should_answer_403_with_the_gms_error_body_when_a_restricted_uri_arrives_on_another_port() {
        HttpResponse<String> answer = on(mainPort).get("/1/storage/abc");
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        assertThat(answer.body()).isEqualTo("{\"exception\":\"org.gms.storage.error.ForbiddenException\","
                + "\"message\":\"URI /genesys/1/storage/abc is not served on port " + mainPort + "\"}");
    }

    @Test
    void should_serve_the_restricted_uri_when_it_arrives_on_its_own_port() {
        assertThat(on(storagePort).get("/1/storage/abc").statusCode()).isEqualTo(404);
    }

    @Test
    void should_serve_unlisted_uris_on_every_port() {
        assertThat(on(mainPort).get("/1/node").body()).isEqualTo("ONLINE");
        assertThat(on(storagePort).get("/1/node").body()).isEqualTo("ONLINE");
    }

    @Test
    void should_apply_a_changed_rule_without_restart_when_the_section_changes() throws Exception {
        gms.reconfigure(builder -> builder
                .startProperty("jetty.http.port", Integer.toString(mainPort))
                .option("port_restrictions", "/genesys/1/node", Integer.toString(storagePort)));
        try {
            assertThat(on(mainPort).get("/1/node").statusCode()).isEqualTo(403);
            assertThat(on(mainPort).get("/1/storage/abc").statusCode()).isEqualTo(404);
        } finally {
            gms.restoreConfig();
        }
    }
}
