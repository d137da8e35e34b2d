package org.gms.server.security.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BasicAuthIT {

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builder
            .option("server", "username", "default").option("server", "password", "password"));

    private final HttpTestClient http = gms.http();

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request);
    }

    @Test
    void should_answer_401_with_the_realm_and_an_empty_body_when_credentials_are_missing_or_wrong() {
        for (HttpResponse<String> answer : new HttpResponse[] {get("/1/storage/id", null),
                get("/1/storage/id", basic("default", "wrong")), get("/1/notification/publish", null),
                get("/1/service/request-interaction", basic("someone", "password"))}) {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate"))
                    .hasValue("Basic realm=\"Genesys Application Configuration Needed\"");
            assertThat(answer.body()).isEmpty();
            assertThat(answer.headers().firstValue("Content-Length")).hasValue("0");
        }
    }

    @Test
    void should_pass_the_request_on_when_the_server_credentials_are_given() {
        HttpResponse<String> answer = get("/1/storage/id", basic("default", "password"));
        assertThat(answer.statusCode()).isNotEqualTo(401);
        assertThat(get("/1/service/callback/cb1", basic("default", "password")).statusCode()).isNotEqualTo(401);
    }

    @Test
    void should_never_ask_credentials_when_the_load_balancer_checks_the_node() {
        HttpResponse<String> answer = get("/1/node", null);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("ONLINE");
    }

    @Test
    void should_apply_changed_credentials_and_realm_without_restart_when_the_configuration_changes() throws Exception {
        try {
            gms.reconfigure(builder -> builder
                    .option("server", "username", "default").option("server", "password", "password")
                    .option("server", "realm", "Test Realm")
                    .option("service.request-interaction", "username", "genesys")
                    .option("service.request-interaction", "password", "genesys"));

            assertThat(get("/1/service/request-interaction", basic("genesys", "genesys")).statusCode())
                    .isNotEqualTo(401);
            HttpResponse<String> refused = get("/1/service/request-interaction", basic("default", "password"));
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Test Realm\"");
            assertThat(get("/1/storage/id", basic("default", "password")).statusCode()).isNotEqualTo(401);

            gms.reconfigure(builder -> { });
            assertThat(get("/1/storage/id", null).statusCode()).isNotEqualTo(401);
        } finally {
            gms.restoreConfig();
        }
    }

    @Test
    void should_not_be_fooled_when_the_path_hides_the_api_behind_dot_segments_or_double_slashes() {
        assertThat(get("/1/node/../storage/id", null).statusCode()).isIn(400, 401);
        assertThat(get("//1//storage/id", null).statusCode()).isIn(400, 401);
        assertThat(get("/1/%73torage/id", null).statusCode()).isIn(400, 401);
    }
}
