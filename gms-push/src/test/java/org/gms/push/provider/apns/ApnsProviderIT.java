package org.gms.push.provider.apns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.gms.push.PushHarness;
import org.gms.push.PushSystems;
import org.gms.push.api.PublishRequest;
import org.gms.push.api.SubscribeRequest;
import org.gms.push.engine.PushSystem;
import org.gms.push.mock.ApnsMock;
import org.gms.push.mock.RecordedRequest;
import org.gms.push.mock.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** APNs over HTTP/2 TLS against a mock, with the .p12 certificate, a .p8 token key and the sandbox channel. */
class ApnsProviderIT {

    @RegisterExtension
    static final PushSystems SYSTEMS = new PushSystems();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ApnsMock production;
    private static ApnsMock sandbox;
    private static PushSystem push;
    private static KeyPair tokenKey;

    @BeforeAll
    static void start() throws Exception {
        PushHarness harness = SYSTEMS.harness();
        Path dir = harness.home;
        Path serverKeystore = TestKeys.selfSigned(dir, "apns");
        Path truststore = TestKeys.truststoreFor(serverKeystore, "apns");
        Path clientTrust = TestKeys.truststoreFor(TestKeys.selfSigned(dir, "client"), "client");
        tokenKey = TestKeys.ec();
        TestKeys.write(dir.resolve("AuthKey_KEY123.p8"), TestKeys.pem(tokenKey));
        production = ApnsMock.start(serverKeystore, TestKeys.PASSWORD, clientTrust);
        sandbox = ApnsMock.start(serverKeystore, TestKeys.PASSWORD, clientTrust);
        harness.option("push", "pushEnabled", "ios")
                .option("push", "apple.keystore", "client.p12")
                .option("push", "apple.keystorePassword", TestKeys.PASSWORD)
                .option("push", "apple.topicName", "com.example.app")
                .option("push", "apple.endpoint", production.endpoint())
                .option("push", "debug.apple.keystore", "client.p12")
                .option("push", "debug.apple.keystorePassword", TestKeys.PASSWORD)
                .option("push", "debug.apple.endpoint", sandbox.endpoint())
                .option("push.provider.event", "apple.sound", "default")
                .option("push.provider.event.apns", "apple.alert", "New message")
                .option("push.provider.event.apns", "apple.badge", "3")
                .option("push.provider.token", "apple.authKey", "AuthKey_KEY123.p8")
                .option("push.provider.token", "apple.keyId", "KEY123")
                .option("push.provider.token", "apple.teamId", "TEAM123")
                .option("push.provider.token", "apple.topicName", "com.example.app")
                .option("push.provider.token", "apple.endpoint", production.endpoint())
                .option("gms", "http.truststore", truststore.toString())
                .option("gms", "http.truststore-password", TestKeys.PASSWORD);
        push = harness.start();
    }

    @AfterAll
    static void stop() throws Exception {
        production.close();
        sandbox.close();
    }

    @Test
    void should_send_the_formatted_payload_over_http2_with_the_client_certificate_when_published() throws Exception {
        String tag = "apns." + java.util.UUID.randomUUID();
        subscribe(null, "token-cert", tag, Map.of());

        publish(tag);

        RecordedRequest request = await().atMost(Duration.ofSeconds(15)).until(() -> find(production, "token-cert"),
                found -> found != null);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.clientCertificate()).isTrue();
        assertThat(request.header("apns-topic")).isEqualTo("com.example.app");
        assertThat(request.header("apns-push-type")).isEqualTo("alert");
        assertThat(request.header("apns-id")).matches("[0-9a-f-]{36}");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("aps").toString()).isEqualTo("{\"alert\":\"New message\",\"badge\":3,\"sound\":\"default\"}");
        assertThat(body.path("message").asText()).isEqualTo("Your agent is ready");
    }

    @Test
    void should_use_the_sandbox_channel_when_the_subscription_asks_for_debug() throws Exception {
        String tag = "apns." + java.util.UUID.randomUUID();
        subscribe(null, "token-debug", tag, Map.of("debug", "true"));

        publish(tag);

        await().atMost(Duration.ofSeconds(15)).until(() -> find(sandbox, "token-debug") != null);
        assertThat(find(production, "token-debug")).isNull();
    }

    @Test
    void should_sign_a_provider_token_with_the_p8_key_when_token_auth_is_configured() throws Exception {
        String tag = "apns." + java.util.UUID.randomUUID();
        subscribe("token", "token-p8", tag, Map.of());

        publish(tag);

        RecordedRequest request = await().atMost(Duration.ofSeconds(15)).until(() -> find(production, "token-p8"),
                found -> found != null);
        String[] jwt = request.header("authorization").substring("bearer ".length()).split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(header.path("alg").asText()).isEqualTo("ES256");
        assertThat(header.path("kid").asText()).isEqualTo("KEY123");
        assertThat(claims.path("iss").asText()).isEqualTo("TEAM123");
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(tokenKey.getPublic());
        verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(jwt[2]))).isTrue();
    }

    @Test
    void should_remove_the_subscription_when_apns_reports_a_bad_or_unregistered_token() throws Exception {
        String tag = "apns." + java.util.UUID.randomUUID();
        String bad = subscribe(null, "bad", tag, Map.of());
        String gone = subscribe(null, "gone", tag, Map.of());

        publish(tag);

        await().atMost(Duration.ofSeconds(15)).until(() -> push.service().get(bad).isEmpty()
                && push.service().get(gone).isEmpty());
        assertThat(push.metrics().rejected("ios")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void should_leave_the_jvm_wide_trust_unchanged_when_a_push_truststore_is_configured() {
        assertThat(System.getProperty("javax.net.ssl.trustStore")).isNull();
        assertThatThrownBy(() -> URI.create(production.endpoint() + "/3/device/x").toURL().openStream())
                .isInstanceOf(SSLHandshakeException.class);
    }

    private static String subscribe(String provider, String token, String tag, Map<String, String> properties) {
        return push.service().subscribe(new SubscribeRequest("", "s", provider, token, "ios", properties, null, 60,
                tag));
    }

    private static void publish(String tag) throws Exception {
        push.service().publish(new PublishRequest(tag, "Your agent is ready", null, Map.of())).get();
    }

    private static RecordedRequest find(ApnsMock mock, String token) {
        return mock.received().stream().filter(request -> request.path().equals("/3/device/" + token)).findFirst()
                .orElse(null);
    }
}
