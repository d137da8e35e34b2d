package org.gms.server.cometd;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.cometd.bayeux.Message;
import org.cometd.client.BayeuxClient;
import org.cometd.client.websocket.jakarta.WebSocketTransport;
import org.eclipse.jetty.util.component.LifeCycle;
import org.gms.server.GmsServer;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Comet push over the WebSocket transport of {@code /genesys/cometd}. The clients know no other transport, so a server
 * that refused the upgrade fails the handshake instead of falling back to long polling.
 */
class CometWebSocketIT {

    private static final String GENESYS_CHANNEL = "/_genesys";

    // subscriptions outlive a test in the class's keyspaces: users of their own keep any other test's ones out
    private final String aliceUser = "alice-" + UUID.randomUUID();
    private final String bobUser = "bob-" + UUID.randomUUID();
    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builder
            .option("push", "pushEnabled", "comet"));

    private final GmsServer server = gms.server();
    private WebSocketContainer webSockets;

    @BeforeEach
    void startClient() {
        webSockets = ContainerProvider.getWebSocketContainer();
    }

    @AfterEach
    void stopClient() throws Exception {
        LifeCycle.stop(webSockets);
    }

    @Test
    void should_deliver_a_notification_over_websocket_to_the_subscribed_user_only_when_published() throws Exception {
        BlockingQueue<Message> alice = new LinkedBlockingQueue<>();
        BlockingQueue<Message> bob = new LinkedBlockingQueue<>();
        BayeuxClient aliceClient = connect(aliceUser, alice);
        BayeuxClient bobClient = connect(bobUser, bob);
        try {
            assertThat(aliceClient.getTransport().getName()).isEqualTo("websocket");
            assertThat(bobClient.getTransport().getName()).isEqualTo("websocket");
            HttpTestClient http = new HttpTestClient(server);
            subscribe(http, aliceUser, "news.*");
            subscribe(http, bobUser, "weather.*");

            publish(http, "news.sports", "Goal!");
            Message received = alice.poll(15, TimeUnit.SECONDS);
            assertThat(received).as("alice's session got the notification").isNotNull();
            assertThat(received.getChannel()).isEqualTo(GENESYS_CHANNEL);
            Map<String, Object> data = received.getDataAsMap();
            assertThat(data).containsOnlyKeys("id", "tag", "message")
                    .containsEntry("tag", "news.sports").containsEntry("message", "Goal!");
            assertThat(data.get("id")).asString().isNotBlank();

            // bob's own notification proves his session is live; alice's, delivered first, must not precede it
            publish(http, "weather.rain", "Umbrella");
            Message bobs = bob.poll(15, TimeUnit.SECONDS);
            assertThat(bobs).as("bob's session got his own notification").isNotNull();
            assertThat(bobs.getDataAsMap()).containsEntry("tag", "weather.rain");
            assertThat(bob).as("bob got nothing else").isEmpty();
            assertThat(alice).as("alice got nothing of bob's").isEmpty();
        } finally {
            aliceClient.disconnect(5000);
            bobClient.disconnect(5000);
        }
    }

    private BayeuxClient connect(String user, BlockingQueue<Message> received) throws InterruptedException {
        WebSocketTransport transport = new WebSocketTransport(null, null, webSockets) {
            @Override
            protected void onHandshakeRequest(Map<String, List<String>> headers) {
                super.onHandshakeRequest(headers);
                headers.put("gms_user", List.of(user));
            }
        };
        // the only transport offered: no silent fallback to long polling
        BayeuxClient client = new BayeuxClient(server.localUri() + "/cometd", transport);
        client.handshake();
        assertThat(client.waitFor(15_000, BayeuxClient.State.CONNECTED)).as("CometD handshake of " + user).isTrue();
        CountDownLatch subscribed = new CountDownLatch(1);
        client.getChannel(GENESYS_CHANNEL).subscribe((channel, message) -> received.add(message),
                reply -> {
                    if (reply.isSuccessful()) {
                        subscribed.countDown();
                    }
                });
        assertThat(subscribed.await(15, TimeUnit.SECONDS)).as("subscription of " + user).isTrue();
        return client;
    }

    private static void subscribe(HttpTestClient http, String user, String filter) throws Exception {
        var response = http.send(HttpRequest.newBuilder(http.uri("/1/notification/subscription"))
                .header("Content-Type", "application/json").header("gms_user", user)
                .POST(HttpRequest.BodyPublishers.ofString("{\"subscriberId\":\"" + user + "\","
                        + "\"notificationDetails\":{\"deviceId\":\"web\",\"type\":\"comet\"},\"filter\":\""
                        + filter + "\"}")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static void publish(HttpTestClient http, String tag, String message) throws Exception {
        var response = http.postJson("/1/notification/publish",
                "{\"tag\":\"" + tag + "\",\"message\":\"" + message + "\",\"mediaType\":\"string\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
