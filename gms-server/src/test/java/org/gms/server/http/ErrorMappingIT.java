package org.gms.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every error the server or Jetty itself produces has the GMS JSON body and no stack trace. */
class ErrorMappingIT {

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.defaultServer();

    private final HttpTestClient http = gms.http();

    @Test
    void should_answer_json_404_when_no_api_serves_the_path() {
        HttpResponse<String> answer = http.get("/1/no/such/thing");
        assertThat(answer.statusCode()).isEqualTo(404);
        assertJsonError(answer, "org.gms.storage.error.NotFoundException", "No resource at /genesys/1/no/such/thing");
    }

    @Test
    void should_answer_json_404_when_the_path_is_outside_the_context() {
        HttpResponse<String> answer = new HttpTestClient(java.net.URI.create("http://127.0.0.1:" + gms.server().httpPort()))
                .get("/elsewhere");
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        assertThat(answer.body()).startsWith("{\"exception\":");
    }

    @Test
    void should_answer_json_405_with_allow_when_the_method_is_not_supported() {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(http.uri("/1/node"))
                .PUT(HttpRequest.BodyPublishers.noBody()));
        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
        assertJsonError(answer, "org.gms.server.http.MethodNotAllowedException",
                "Method PUT is not supported on /genesys/1/node");
    }

    @Test
    void should_answer_json_431_when_the_headers_are_too_large() {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(http.uri("/1/node"))
                .header("X-Big", "x".repeat(20_000)).GET());
        assertThat(answer.statusCode()).isEqualTo(431);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        assertThat(answer.body()).startsWith("{\"exception\":").doesNotContain("at org.");
    }

    private static void assertJsonError(HttpResponse<String> answer, String exception, String message) {
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        assertThat(answer.body()).isEqualTo("{\"exception\":\"" + exception + "\",\"message\":\"" + message + "\"}");
    }
}
