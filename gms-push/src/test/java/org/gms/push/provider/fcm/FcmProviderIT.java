package org.gms.push.provider.fcm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.gms.push.PushHarness;
import org.gms.push.PushSystems;
import org.gms.push.api.PublishRequest;
import org.gms.push.api.SubscribeRequest;
import org.gms.push.engine.PushSystem;
import org.gms.push.mock.HttpReceiver;
import org.gms.push.mock.HttpReceiver.Answer;
import org.gms.push.mock.RecordedRequest;
import org.gms.push.mock.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FCM HTTP v1 (service account, OAuth JWT bearer grant) and the legacy server key, against mocks of both. */
class FcmProviderIT {

    @RegisterExtension
    static final PushSystems SYSTEMS = new PushSystems();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNREGISTERED = "{\"error\":{\"code\":404,\"message\":\"Requested entity was not found.\","
            + "\"status\":\"NOT_FOUND\",\"details\":[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\","
            + "\"errorCode\":\"UNREGISTERED\"}]}}";
    private static final String BAD_TOKEN = "{\"error\":{\"code\":400,\"message\":\"The registration token is not a"
            + " valid FCM registration token\",\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":"
            + "\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\"INVALID_ARGUMENT\"}]}}";
    private static final String BAD_MESSAGE = "{\"error\":{\"code\":400,\"message\":\"Request contains an invalid"
            + " argument.\",\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":"
            + "\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\"INVALID_ARGUMENT\"}]}}";
    private static HttpReceiver google;
    private static PushSystem push;
    private static KeyPair serviceKey;

    @BeforeAll
    static void start() throws Exception {
        google = HttpReceiver.startPlain();
        google.answerWith(FcmProviderIT::answer);
        PushHarness harness = SYSTEMS.harness();
        serviceKey = TestKeys.rsa();
        String account = JSON.writeValueAsString(Map.of("type", "service_account", "project_id", "demo",
                "client_email", "push@demo.iam.gserviceaccount.com", "private_key", TestKeys.pem(serviceKey),
                "token_uri", google.url("/token")));
        TestKeys.write(harness.home.resolve("service-account.json"), account);
        harness.option("push", "pushEnabled", "fcm")
                .option("push", "fcm.serviceAccount", "service-account.json")
                .option("push", "fcm.endpoint", google.url(""))
                .option("push.provider.event.fcm", "fcm.title", "Contact center")
                .option("push.provider.legacy", "fcm", "fcmsecret")
                .option("push.provider.legacy", "fcm.endpoint", google.url(""))
                .option("fcmsecret", "password", "legacy-key");
        push = harness.start();
    }

    @AfterAll
    static void stop() throws Exception {
        google.close();
    }

    @Test
    void should_fetch_an_oauth_token_and_send_a_v1_message_when_published() throws Exception {
        String tag = "fcm." + UUID.randomUUID();
        subscribe(null, "token-v1", tag);

        publish(tag);

        RecordedRequest send = await().atMost(Duration.ofSeconds(15))
                .until(() -> find("/v1/projects/demo/messages:send", "token-v1"), found -> found != null);
        assertThat(send.header("Authorization")).isEqualTo("Bearer ya29.test-token");
        assertThat(JSON.readTree(send.body()).path("message").toString()).isEqualTo("{\"token\":\"token-v1\","
                + "\"notification\":{\"title\":\"Contact center\",\"body\":\"hello\"},\"data\":{\"id\":\""
                + JSON.readTree(send.body()).path("message").path("data").path("id").asText() + "\",\"tag\":\"" + tag
                + "\",\"message\":\"hello\"}}");
        RecordedRequest token = google.received().stream().filter(r -> r.path().equals("/token")).findFirst()
                .orElseThrow();
        Map<String, String> form = form(token.body());
        assertThat(form.get("grant_type")).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
        String[] jwt = form.get("assertion").split("\\.");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(claims.path("iss").asText()).isEqualTo("push@demo.iam.gserviceaccount.com");
        assertThat(claims.path("scope").asText()).isEqualTo("https://www.googleapis.com/auth/firebase.messaging");
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(serviceKey.getPublic());
        verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(jwt[2]))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"unregistered", "bad-token"})
    void should_remove_the_subscription_when_fcm_reports_the_token_unregistered_or_invalid(String token)
            throws Exception {
        String tag = "fcm." + UUID.randomUUID();
        String id = subscribe(null, token, tag);

        publish(tag);

        await().atMost(Duration.ofSeconds(15)).until(() -> push.service().get(id).isEmpty());
    }

    @Test
    void should_keep_the_subscription_when_fcm_refuses_the_message_itself() throws Exception {
        String tag = "fcm." + UUID.randomUUID();
        String id = subscribe(null, "bad-message", tag);

        publish(tag);

        await().atMost(Duration.ofSeconds(15)).until(() -> find("/v1/projects/demo/messages:send", "bad-message"),
                found -> found != null);
        await().atMost(Duration.ofSeconds(10)).until(() -> push.metrics().failed("fcm") >= 1);
        assertThat(push.service().get(id)).isPresent();
    }

    @Test
    void should_send_with_the_legacy_server_key_from_the_referenced_section_when_the_provider_uses_it()
            throws Exception {
        String tag = "fcm." + UUID.randomUUID();
        subscribe("legacy", "token-legacy", tag);

        publish(tag);

        RecordedRequest send = await().atMost(Duration.ofSeconds(15)).until(() -> find("/fcm/send", "token-legacy"),
                found -> found != null);
        assertThat(send.header("Authorization")).isEqualTo("key=legacy-key");
        assertThat(JSON.readTree(send.body()).path("to").asText()).isEqualTo("token-legacy");
    }

    private static Answer answer(RecordedRequest request) {
        switch (request.path()) {
            case "/token":
                return new Answer(200, Map.of(), "{\"access_token\":\"ya29.test-token\",\"expires_in\":3599,"
                        + "\"token_type\":\"Bearer\"}");
            case "/v1/projects/demo/messages:send":
                if (!"Bearer ya29.test-token".equals(request.header("Authorization"))) {
                    return new Answer(401, Map.of(), "{\"error\":{\"code\":401,\"status\":\"UNAUTHENTICATED\"}}");
                }
                if (request.body().contains("\"unregistered\"")) {
                    return new Answer(404, Map.of(), UNREGISTERED);
                }
                if (request.body().contains("\"bad-token\"")) {
                    return new Answer(400, Map.of(), BAD_TOKEN);
                }
                if (request.body().contains("\"bad-message\"")) {
                    return new Answer(400, Map.of(), BAD_MESSAGE);
                }
                return new Answer(200, Map.of(), "{\"name\":\"projects/demo/messages/1\"}");
            case "/fcm/send":
                return new Answer(200, Map.of(), "{\"success\":1,\"failure\":0,\"results\":[{\"message_id\":\"1\"}]}");
            default:
                return Answer.status(404);
        }
    }

    private static String subscribe(String provider, String token, String tag) {
        return push.service().subscribe(new SubscribeRequest("", "s", provider, token, "fcm", Map.of(), null, 60, tag));
    }

    private static void publish(String tag) throws Exception {
        push.service().publish(new PublishRequest(tag, "hello", null, Map.of())).get();
    }

    private static RecordedRequest find(String path, String token) {
        return google.received().stream().filter(r -> r.path().equals(path) && r.body().contains("\"" + token + "\""))
                .findFirst().orElse(null);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            fields.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}
