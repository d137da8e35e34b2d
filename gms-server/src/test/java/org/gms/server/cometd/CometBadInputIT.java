package org.gms.server.cometd;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.gms.core.http.Json;
import org.gms.server.GmsServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad long-polling POSTs on {@code /genesys/cometd} are answered at once with 400 and the GMS body. */
class CometBadInputIT {

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.defaultServer();

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ParameterizedTest
    @ValueSource(strings = {"nope", "@@"})
    void should_answer_400_at_once_for_a_charset_the_server_does_not_know(String charset) throws Exception {
        HttpResponse<String> response = post("application/json; charset=" + charset, "[]");

        assertBadRequest(response, "Charset " + charset + " is not supported");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[{\"channel\":", "not json", "[1]"})
    void should_answer_400_for_a_latin1_body_that_is_not_bayeux_messages(String body) throws Exception {
        HttpResponse<String> response = post("application/json; charset=ISO-8859-1", body);

        assertBadRequest(response, "The body is not a JSON array of Bayeux messages");
    }

    @Test
    void should_answer_400_for_a_batch_of_two_handshakes() throws Exception {
        String handshake = "{\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
                + "\"supportedConnectionTypes\":[\"long-polling\"]}";

        HttpResponse<String> response = post("application/json", "[" + handshake + "," + handshake + "]");

        assertBadRequest(response, "A batch may hold only one handshake");
    }

    @Test
    void should_read_bytes_that_are_not_utf_8_as_replacement_characters_not_fail() throws Exception {
        byte[] broken = ("[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":"
                + "[\"long-polling\"],\"ext\":{\"gms_user\":\"caf\u00e9\"}}]").getBytes(StandardCharsets.ISO_8859_1);

        HttpResponse<String> response = post("application/json;charset=UTF-8", broken);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"successful\":true");
    }

    @Test
    void should_answer_400_when_ext_is_not_an_object() throws Exception {
        HttpResponse<String> response = post("application/json", "[{\"channel\":\"/meta/handshake\",\"ext\":\"x\"}]");

        assertBadRequest(response, "The ext of a Bayeux message must be a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[{\"channel\":", "not json"})
    void should_answer_400_for_a_utf_8_body_that_is_not_bayeux_messages(String body) throws Exception {
        HttpResponse<String> response = post("application/json;charset=UTF-8", body);

        assertBadRequest(response, "The body is not a JSON array of Bayeux messages");
    }

    @Test
    void should_answer_400_for_text_with_a_lone_surrogate() throws Exception {
        HttpResponse<String> response = post("application/json", "[{\"channel\":\"/meta/handshake\",\"version\":"
                + "\"1.0\",\"supportedConnectionTypes\":[\"long-polling\"],\"ext\":{\"gms_user\":\"a\\ud800\"}}]");

        assertBadRequest(response, Json.LONE_SURROGATE);
    }

    @Test
    void should_still_answer_a_valid_handshake() throws Exception {
        HttpResponse<String> response = post("application/json; charset=UTF-8",
                "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
                        + "\"supportedConnectionTypes\":[\"long-polling\"]}]");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"successful\":true");
    }

    private static HttpResponse<String> post(String contentType, String body) throws Exception {
        return post(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(String contentType, byte[] body) throws Exception {
        URI uri = URI.create(gms.server().localUri() + "/cometd");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertBadRequest(HttpResponse<String> response, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        Map<?, ?> body = Json.MAPPER.readValue(response.body(), Map.class);
        assertThat(body.get("message")).isEqualTo(message);
        assertThat(body.get("exception")).isEqualTo("com.genesyslab.gsg.GSGException");
        assertThat(response.body()).doesNotContain("java.lang").doesNotContain("at org.");
    }
}
