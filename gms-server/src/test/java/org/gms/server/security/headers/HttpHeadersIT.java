package org.gms.server.security.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpHeadersIT {

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builder
            .option("server", "password", "secret")
            .option("server", "max-request-size", "1024")
            .option("server", "http-custom-headers", "X-Frame-Options: SAMEORIGIN | X-XSS-Protection: 1; mode=block"
                    + " | X-Content-Type-Options: nosniff | Content-Security-Policy: script-src 'self'; object-src 'self'")
            .option("http-header-rules", "/genesys/1/storage*", "Content-Security-Policy: default-src 'self'"));

    private final HttpTestClient http = gms.http();

    @Test
    void should_add_the_custom_headers_when_any_answer_is_sent() {
        for (HttpResponse<String> answer : new HttpResponse[] {http.get("/1/node"), http.get("/1/no-such-api")}) {
            assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
            assertThat(answer.headers().firstValue("X-XSS-Protection")).hasValue("1; mode=block");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(answer.headers().firstValue("Content-Security-Policy"))
                    .hasValue("script-src 'self'; object-src 'self'");
            assertThat(answer.headers().firstValue("Strict-Transport-Security")).isEmpty();
        }
        assertThat(http.get("/1/no-such-api").statusCode()).isEqualTo(404);
    }

    @Test
    void should_prefer_the_path_rule_when_it_matches_and_keep_headers_on_401() {
        HttpResponse<String> answer = http.get("/1/storage/abc");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'self'");
        assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
    }

    @Test
    void should_answer_a_cors_preflight_without_credentials_when_gms_headers_are_requested() {
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(http.uri("/1/storage/abc"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "gms_user, authorization, content-type"));
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("gms_user", "authorization", "content-type");
        assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).hasValue("60");

        HttpResponse<String> simple = http.send(HttpRequest.newBuilder(http.uri("/1/node"))
                .header("Origin", "http://other.example.org"));
        assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://other.example.org");
    }

    @Test
    void should_answer_413_with_the_error_body_when_the_body_exceeds_max_request_size() {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(http.uri("/1/node"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=" + "x".repeat(5000))));
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).startsWith("{\"exception\":\"org.gms.storage.error.PayloadTooLargeException\"");
    }
}
