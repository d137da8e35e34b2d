package org.gms.server.security.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code [server] max-request-size = 0} means no limit, Jetty's default form limit (200,000 bytes) included. */
class UnlimitedRequestSizeIT {

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builder
            .option("server", "max-request-size", "0")
            .list("GMS_Patterns", Map.of("emergency", Map.of("911", "^911$"))));

    private final HttpTestClient http = gms.http();

    @Test
    void should_accept_a_form_larger_than_jettys_default_when_max_request_size_is_zero() {
        HttpResponse<String> answer = http.postForm("/1/patterns",
                Map.of("param1", "911", "param2", "x".repeat(300_000)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"param1\":\"911\"}");
    }
}
