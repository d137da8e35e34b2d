package org.gms.server.security.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.gms.server.GmsServer;
import org.gms.server.HttpTestClient;
import org.gms.server.TestServers;
import org.gms.storage.test.CassandraExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code [server] max-request-size = 0} means no limit, Jetty's default form limit (200,000 bytes) included. */
@ExtendWith(CassandraExtension.class)
class UnlimitedRequestSizeIT {

    private static GmsServer server;
    private static HttpTestClient http;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.builder()
                .option("server", "max-request-size", "0")
                .list("GMS_Patterns", Map.of("emergency", Map.of("911", "^911$")))
                .start();
        http = new HttpTestClient(server);
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    @Test
    void should_accept_a_form_larger_than_jettys_default_when_max_request_size_is_zero() {
        HttpResponse<String> answer = http.postForm("/1/patterns",
                Map.of("param1", "911", "param2", "x".repeat(300_000)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"param1\":\"911\"}");
    }
}
