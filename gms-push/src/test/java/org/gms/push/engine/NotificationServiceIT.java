package org.gms.push.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gms.core.error.BadRequestException;
import org.gms.core.error.PayloadTooLargeException;
import org.gms.push.PushHarness;
import org.gms.push.PushSystems;
import org.gms.push.api.PublishRequest;
import org.gms.push.api.SubscribeRequest;
import org.gms.push.mock.HttpReceiver;
import org.gms.storage.test.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NotificationServiceIT {

    @RegisterExtension
    static final PushSystems SYSTEMS = new PushSystems();

    private HttpReceiver receiver;
    private PushHarness harness;
    private PushSystem push;
    private final MovableClock clock = new MovableClock();
    private final List<Map<String, Object>> cometData = new CopyOnWriteArrayList<>();
    private final List<String> cometUsers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        receiver = HttpReceiver.startPlain();
        harness = SYSTEMS.harness()
                .option("push", "pushEnabled", "comet,customhttp,httpcb")
                .option("push", "customhttp.url", receiver.url("/custom"));
        harness.clock = clock;
        harness.comet = (user, data) -> {
            cometUsers.add(user);
            cometData.add(data);
            return CompletableFuture.completedFuture(1);
        };
        Files.writeString(harness.home.resolve("messages.ini"), "[default]\ngreeting = Hello\n[fr]\ngreeting = Bonjour\n");
        harness.option("push", "localizationFileLocation", "messages.ini");
        push = harness.start();
    }

    @AfterEach
    void stop() throws Exception {
        receiver.close();
    }

    @Test
    void should_post_device_and_message_to_the_custom_url_when_a_matching_tag_is_published() throws Exception {
        String prefix = PushHarness.tag() + ".";
        subscribe("customhttp", "device-1", prefix + "*", Map.of());

        int deliveries = publish(prefix + "42", "Agent is available");

        assertThat(deliveries).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> received("device-1").size() == 1);
        assertThat(received("device-1").get(0).body())
                .isEqualTo("{\"deviceId\":\"device-1\",\"message\":\"Agent is available\"}");
        assertThat(received("device-1").get(0).path()).isEqualTo("/custom");
    }

    @Test
    void should_deliver_to_a_wildcard_subscription_of_another_node_when_its_prefix_length_is_new_here()
            throws Exception {
        publish(PushHarness.tag(), "this node now knows the wildcard prefix lengths recorded so far");
        PushSystem otherNode = SYSTEMS.harness().option("push", "pushEnabled", "customhttp")
                .option("push", "customhttp.url", receiver.url("/custom")).start();
        try {
            String tag = PushHarness.tag();
            String prefix = tag + "x".repeat(300 + (int) (Math.random() * 200) - tag.length());
            otherNode.service().subscribe(new SubscribeRequest("", "subscriber", null, "device-far", "customhttp",
                    Map.of(), null, 60, prefix + "*"));

            int deliveries = publish(prefix + ".42", "found");

            assertThat(deliveries).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> received("device-far").size() == 1);
        } finally {
            otherNode.close();
        }
    }

    @Test
    void should_call_the_device_url_with_the_authorization_only_for_matching_filters_when_published() throws Exception {
        String tag = PushHarness.tag();
        String matching = subscribeHttpCallback(tag, "/cb/exact");
        subscribeHttpCallback(tag + ".other", "/cb/other");

        publish(tag, "hello");

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().stream()
                .anyMatch(request -> request.path().equals("/cb/exact")));
        var request = receiver.received().stream().filter(r -> r.path().equals("/cb/exact")).findFirst().orElseThrow();
        assertThat(request.header("Authorization")).isEqualTo("Basic ZGVtbzo=");
        assertThat(request.body()).isEqualTo("{\"id\":\"" + matching + "\",\"tag\":\"" + tag
                + "\",\"message\":\"hello\",\"deviceId\":\"" + receiver.url("/cb/exact") + "\"}");
        assertThat(receiver.received()).noneMatch(r -> r.path().equals("/cb/other"));
    }

    @Test
    void should_deliver_id_tag_and_message_to_the_users_comet_sessions_when_published() throws Exception {
        String tag = PushHarness.tag();
        String id = push.service().subscribe(new SubscribeRequest("alice", "s1", null, "", "comet", Map.of(), null,
                null, tag));

        publish(tag, "hi");

        await().atMost(Duration.ofSeconds(10)).until(() -> cometData.size() == 1);
        assertThat(cometUsers).containsExactly("alice");
        assertThat(cometData.get(0)).containsExactly(Map.entry("id", id), Map.entry("tag", tag),
                Map.entry("message", "hi"));
    }

    @Test
    void should_localize_the_message_in_the_subscription_language_when_media_type_is_localizestring()
            throws Exception {
        String tag = PushHarness.tag();
        subscribe("customhttp", "device-fr", tag, Map.of("language", "fr_FR"));

        push.service().publish(new PublishRequest(tag, "greeting", "localizestring", Map.of())).get();

        await().atMost(Duration.ofSeconds(10)).until(() -> received("device-fr").size() == 1);
        assertThat(received("device-fr").get(0).body()).contains("\"message\":\"Bonjour\"");
    }

    @Test
    void should_stop_delivering_at_once_when_the_subscription_expired() throws Exception {
        String tag = PushHarness.tag();
        String id = subscribe("customhttp", "device-expiring", tag, Map.of());
        assertThat(push.service().get(id)).isPresent();

        clock.advance(Duration.ofSeconds(61));

        assertThat(push.service().get(id)).isEmpty();
        assertThat(publish(tag, "too late")).isZero();
    }

    @Test
    void should_still_deliver_during_the_unsubscribe_delay_and_not_after_an_immediate_unsubscribe() throws Exception {
        String delayedTag = PushHarness.tag();
        harness.unsubscribeDelay.set(20);
        String delayed = subscribe("customhttp", "device-delayed", delayedTag, Map.of());
        push.service().unsubscribe(delayed, java.util.Optional.empty());
        assertThat(publish(delayedTag, "still here")).isEqualTo(1);

        String immediateTag = PushHarness.tag();
        harness.unsubscribeDelay.set(0);
        String immediate = subscribe("customhttp", "device-immediate", immediateTag, Map.of());
        push.service().unsubscribe(immediate, java.util.Optional.empty());
        assertThat(publish(immediateTag, "gone")).isZero();
        assertThat(push.service().get(immediate)).isEmpty();
    }

    @Test
    void should_refuse_a_subscription_naming_the_problem_when_input_is_incomplete_or_type_disabled() {
        assertThatThrownBy(() -> subscribeRaw(null, "comet", "x"))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("[subscriberId]");
        assertThatThrownBy(() -> subscribeRaw("s", "comet", null))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("[filter]");
        assertThatThrownBy(() -> subscribeRaw("s", "ios", "x"))
                .isInstanceOf(BadRequestException.class).hasMessage("Push type [ios] is not enabled");
    }

    @Test
    void should_refuse_oversized_tags_filters_and_messages_before_anything_is_stored() {
        String huge = "t".repeat(NotificationService.MAX_TAG + 1);
        assertThatThrownBy(() -> subscribeRaw("s", "comet", huge))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("[filter] is too long");
        assertThatThrownBy(() -> push.service().publish(new PublishRequest(huge, "m", null, Map.of())))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("[tag] is too long");
        String message = "m".repeat(NotificationService.MAX_MESSAGE + 1);
        assertThatThrownBy(() -> push.service().publish(new PublishRequest(PushHarness.tag(), message, null,
                Map.of()))).isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("[message]");
    }

    @Test
    void should_raise_a_short_expiry_to_the_minimum_of_30_seconds_when_subscribing() {
        String id = push.service().subscribe(new SubscribeRequest("", "s", null, "d", "customhttp", Map.of(), null, 5,
                PushHarness.tag()));
        var stored = push.service().get(id).orElseThrow();
        assertThat(Duration.between(stored.createdAt(), stored.expiresAt())).isEqualTo(Duration.ofSeconds(30));
    }

    private String subscribeRaw(String subscriberId, String type, String filter) {
        return push.service().subscribe(new SubscribeRequest("", subscriberId, null, "d", type, Map.of(), null, null,
                filter));
    }

    private String subscribe(String type, String deviceId, String filter, Map<String, String> properties) {
        return push.service().subscribe(new SubscribeRequest("", "subscriber", null, deviceId, type, properties, null,
                60, filter));
    }

    private String subscribeHttpCallback(String filter, String path) {
        return push.service().subscribe(new SubscribeRequest("", "subscriber", null, receiver.url(path), "httpcb",
                Map.of(), "Basic ZGVtbzo=", 60, filter));
    }

    private int publish(String tag, String message) throws Exception {
        return push.service().publish(new PublishRequest(tag, message, "string", Map.of())).get();
    }

    private List<org.gms.push.mock.RecordedRequest> received(String deviceId) {
        return receiver.received().stream().filter(request -> request.body().contains("\"" + deviceId + "\""))
                .toList();
    }
}
