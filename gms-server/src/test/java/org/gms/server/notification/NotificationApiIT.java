package org.gms.server.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NotificationApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builder
            .option("push", "pushEnabled", "comet,httpcb"));

    private final HttpTestClient http = gms.http();
    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void should_answer_415_with_the_gms_error_body_when_the_body_is_not_json() {
        HttpResponse<String> answer = http.postForm("/1/notification/subscription", Map.of("subscriberId", "x"));

        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(answer.body()).startsWith("{\"exception\":\"org.gms.server.http.UnsupportedMediaTypeException\","
                + "\"message\":\"Content type [application/x-www-form-urlencoded] is not supported");
    }

    @Test
    void should_answer_400_naming_the_field_when_subscriber_id_or_filter_is_missing() {
        HttpResponse<String> noSubscriber = http.postJson("/1/notification/subscription",
                "{\"notificationDetails\":{\"type\":\"comet\"},\"filter\":\"a\"}");
        HttpResponse<String> noFilter = http.postJson("/1/notification/subscription",
                "{\"subscriberId\":\"s\",\"notificationDetails\":{\"type\":\"comet\"}}");
        HttpResponse<String> disabled = http.postJson("/1/notification/subscription",
                "{\"subscriberId\":\"s\",\"notificationDetails\":{\"type\":\"ios\",\"deviceId\":\"t\"},\"filter\":\"a\"}");

        assertThat(noSubscriber.statusCode()).isEqualTo(400);
        assertThat(noSubscriber.body()).isEqualTo("{\"exception\":\"com.genesyslab.gsg.GSGException\","
                + "\"message\":\"Mandatory parameter [subscriberId] is missing\"}");
        assertThat(noFilter.body()).contains("Mandatory parameter [filter] is missing");
        assertThat(disabled.statusCode()).isEqualTo(400);
        assertThat(disabled.body()).contains("Push type [ios] is not enabled");
    }

    @Test
    void should_subscribe_publish_deliver_update_and_delete_when_the_api_is_used_end_to_end() throws Exception {
        String tag = "ors.contact." + UUID.randomUUID();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/callback";
        HttpResponse<String> subscribed = http.send(HttpRequest.newBuilder(http.uri("/1/notification/subscription"))
                .header("Content-Type", "application/json").header("gms_user", "alice")
                .POST(HttpRequest.BodyPublishers.ofString("{\"subscriberId\":\"app-1\",\"notificationDetails\":"
                        + "{\"deviceId\":\"" + url + "\",\"type\":\"httpcb\",\"properties\":{\"debug\":false}},"
                        + "\"authorization\":\"Basic ZGVtbzo=\",\"expire\":60,\"filter\":\"" + tag + "\"}")));
        assertThat(subscribed.statusCode()).isEqualTo(200);
        String id = JSON.readTree(subscribed.body()).path("id").asText();
        assertThat(subscribed.body()).isEqualTo("{\"id\":\"" + id + "\"}");

        JsonNode read = JSON.readTree(as("alice", HttpRequest.newBuilder(http.uri("/1/notification/subscription/" + id))
                .GET()).body());
        assertThat(read.path("subscriberId").asText()).isEqualTo("app-1");
        assertThat(read.path("notificationDetails").path("type").asText()).isEqualTo("httpcb");
        assertThat(read.has("authorization")).isFalse();

        HttpResponse<String> published = http.postJson("/1/notification/publish",
                "{\"tag\":\"" + tag + "\",\"message\":\"Agent available\",\"mediaType\":\"string\"}");
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.body()).isEqualTo("{\"deliveries\":1}");
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        assertThat(received.get(0)).startsWith("Basic ZGVtbzo= {\"id\":\"" + id + "\",\"tag\":\"" + tag
                + "\",\"message\":\"Agent available\"");

        HttpResponse<String> updated = as("alice", HttpRequest.newBuilder(http.uri("/1/notification/subscription/"
                + id)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"expire\":600}")));
        assertThat(JSON.readTree(updated.body()).path("expire").asLong()).isBetween(590L, 600L);

        assertThat(as("alice", HttpRequest.newBuilder(http.uri("/1/notification/subscription/" + id)).DELETE())
                .statusCode()).isEqualTo(200);
        assertThat(as("alice", HttpRequest.newBuilder(http.uri("/1/notification/subscription/" + id)).GET())
                .statusCode()).isEqualTo(404);
        // the engine counts a delivery once the receiver's answer is back, which may come after the receiver saw it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(JSON.readTree(http.admin().get("/1/admin/notification/metrics").body()).path("httpcb").path("sent")
                        .asLong()).isEqualTo(1));
    }

    @Test
    void should_keep_a_subscription_made_with_a_gms_user_to_that_user() throws Exception {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/alice";
        HttpResponse<String> subscribed = as("alice", HttpRequest.newBuilder(http.uri("/1/notification/subscription"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"subscriberId\":\"app-1\",\"notificationDetails\":"
                        + "{\"deviceId\":\"" + url + "\",\"type\":\"httpcb\"},\"authorization\":\"Basic YWxpY2U6\","
                        + "\"expire\":60,\"filter\":\"alice.only\"}")));
        String path = "/1/notification/subscription/" + JSON.readTree(subscribed.body()).path("id").asText();

        HttpResponse<String> bobReads = as("bob", HttpRequest.newBuilder(http.uri(path)).GET());
        HttpResponse<String> bobMoves = as("bob", HttpRequest.newBuilder(http.uri(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"notificationDetails\":{\"deviceId\":\"http://127.0.0.1:9/bob\"}}")));
        HttpResponse<String> bobDeletes = as("bob", HttpRequest.newBuilder(http.uri(path)).DELETE());
        HttpResponse<String> nobodyReads = http.get(path);

        assertThat(bobReads.statusCode()).isEqualTo(403);
        assertThat(bobReads.body()).contains("belongs to another user").doesNotContain("alice");
        assertThat(bobMoves.statusCode()).isEqualTo(403);
        assertThat(bobDeletes.statusCode()).isEqualTo(403);
        assertThat(nobodyReads.statusCode()).isEqualTo(400);
        assertThat(nobodyReads.body()).contains("Header gms_user is required");
        JsonNode kept = JSON.readTree(as("alice", HttpRequest.newBuilder(http.uri(path)).GET()).body());
        assertThat(kept.path("notificationDetails").path("deviceId").asText()).isEqualTo(url);
    }

    @Test
    void should_refuse_a_callback_url_into_the_internal_network_unless_the_operator_allows_its_host() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/hook",
                "http://[::1]:" + receiver.getAddress().getPort() + "/x")) {
            HttpResponse<String> answer = http.postJson("/1/notification/subscription", "{\"subscriberId\":\"s\","
                    + "\"notificationDetails\":{\"deviceId\":\"" + url + "\",\"type\":\"httpcb\"},\"filter\":\"a\"}");
            assertThat(answer.statusCode()).as(url).isEqualTo(400);
            assertThat(answer.body()).as(url).contains("points at a loopback, private or link-local address");
        }
        // 127.0.0.1 is listed in [push] httpcb.allowed_hosts of the test servers
        HttpResponse<String> listed = http.postJson("/1/notification/subscription", "{\"subscriberId\":\"s\","
                + "\"notificationDetails\":{\"deviceId\":\"http://127.0.0.1:9/x\",\"type\":\"httpcb\"},"
                + "\"filter\":\"a\"}");
        assertThat(listed.statusCode()).isEqualTo(200);
        String path = "/1/notification/subscription/" + listed.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> moved = http.postJson(path,
                "{\"notificationDetails\":{\"deviceId\":\"http://169.254.169.254/x\"}}");
        assertThat(moved.statusCode()).isEqualTo(400);
    }

    @Test
    void should_answer_400_for_a_lone_surrogate_in_a_tag_filter_or_message() {
        HttpResponse<String> publish = http.postJson("/1/notification/publish",
                "{\"tag\":\"t\\ud800\",\"message\":\"m\",\"mediaType\":\"string\"}");
        HttpResponse<String> message = http.postJson("/1/notification/publish",
                "{\"tag\":\"t\",\"message\":\"\\udc00\",\"mediaType\":\"string\"}");
        HttpResponse<String> filter = http.postJson("/1/notification/subscription", "{\"subscriberId\":\"s\","
                + "\"notificationDetails\":{\"type\":\"comet\"},\"filter\":\"a\\ud800\"}");

        for (HttpResponse<String> answer : List.of(publish, message, filter)) {
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("lone surrogate");
        }
    }

    private HttpResponse<String> as(String user, HttpRequest.Builder request) {
        return http.send(request.header("gms_user", user));
    }
}
