package org.gms.server.cometd;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.cometd.bayeux.Message;
import org.cometd.client.BayeuxClient;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.cometd.client.transport.ClientTransport;
import org.cometd.client.websocket.jakarta.WebSocketTransport;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.util.component.LifeCycle;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /genesys/cometd} with {@code [notification]} Basic authentication: the handshake needs the credentials, and
 * no client may publish on {@code /_genesys}, over both transports.
 */
class CometSecurityIT {

    private static final String GENESYS_CHANNEL = "/_genesys";
    private static final String VALID = basic("push", "push-secret");
    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builder
            .option("push", "pushEnabled", "comet")
            .option("notification", "username", "push").option("notification", "password", "push-secret"));

    private static HttpClient httpClient;
    private static WebSocketContainer webSockets;

    @BeforeAll
    static void startClients() throws Exception {
        httpClient = new HttpClient();
        httpClient.start();
        webSockets = ContainerProvider.getWebSocketContainer();
    }

    @AfterAll
    static void stopClients() throws Exception {
        LifeCycle.stop(webSockets);
        httpClient.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"long-polling", "websocket"})
    void should_refuse_the_handshake_when_the_notification_credentials_are_missing_or_wrong(String transport)
            throws Exception {
        assertThat(handshake(transport, "ann", null).isSuccessful()).as("no credentials").isFalse();
        assertThat(handshake(transport, "ann", basic("push", "guess")).isSuccessful()).as("wrong password").isFalse();
        assertThat(handshake(transport, "ann", VALID).isSuccessful()).as("right credentials").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"long-polling", "websocket"})
    void should_refuse_a_client_publish_on_the_genesys_channel_and_deliver_only_server_notifications(String transport)
            throws Exception {
        String victim = "victim-" + UUID.randomUUID();
        BlockingQueue<Message> received = new LinkedBlockingQueue<>();
        BayeuxClient victimClient = client(transport, victim, VALID);
        BayeuxClient attacker = client(transport, "attacker-" + UUID.randomUUID(), VALID);
        try {
            handshake(victimClient);
            CompletableFuture<Message> subscribed = new CompletableFuture<>();
            victimClient.getChannel(GENESYS_CHANNEL).subscribe((channel, message) -> received.add(message),
                    subscribed::complete);
            assertThat(subscribed.get(15, TimeUnit.SECONDS).isSuccessful()).as("subscription").isTrue();
            handshake(attacker);

            for (String channel : new String[] {GENESYS_CHANNEL, GENESYS_CHANNEL + "/forged"}) {
                CompletableFuture<Message> published = new CompletableFuture<>();
                attacker.getChannel(channel).publish(Map.of("tag", "forged", "message", "Pay here"),
                        published::complete);
                assertThat(published.get(15, TimeUnit.SECONDS).isSuccessful()).as("publish on " + channel).isFalse();
            }

            subscribeAndPublish(victim);
            Message first = received.poll(15, TimeUnit.SECONDS);
            assertThat(first).as("the server's notification").isNotNull();
            assertThat(first.getDataAsMap()).containsEntry("tag", "real.news");
            assertThat(received).as("nothing forged").isEmpty();
        } finally {
            victimClient.disconnect(5000);
            attacker.disconnect(5000);
        }
    }

    private static Message handshake(String transport, String user, String authorization) throws Exception {
        BayeuxClient client = client(transport, user, authorization);
        try {
            return handshake(client);
        } finally {
            client.disconnect(5000);
        }
    }

    private static Message handshake(BayeuxClient client) throws Exception {
        CompletableFuture<Message> reply = new CompletableFuture<>();
        client.handshake(reply::complete);
        return reply.get(15, TimeUnit.SECONDS);
    }

    private static BayeuxClient client(String transport, String user, String authorization) {
        ClientTransport chosen = transport.equals("websocket")
                ? new WebSocketTransport(null, null, webSockets) {
                    @Override
                    protected void onHandshakeRequest(Map<String, List<String>> headers) {
                        super.onHandshakeRequest(headers);
                        headers.put("gms_user", List.of(user));
                        if (authorization != null) {
                            headers.put("Authorization", List.of(authorization));
                        }
                    }
                }
                : new JettyHttpClientTransport(null, httpClient) {
                    @Override
                    protected void customize(Request request) {
                        super.customize(request);
                        request.headers(headers -> {
                            headers.put("gms_user", user);
                            if (authorization != null) {
                                headers.put("Authorization", authorization);
                            }
                        });
                    }
                };
        return new BayeuxClient(gms.server().localUri() + "/cometd", chosen);
    }

    private static void subscribeAndPublish(String user) {
        HttpTestClient http = gms.http();
        var subscribed = http.send(HttpRequest.newBuilder(http.uri("/1/notification/subscription"))
                .header("Content-Type", "application/json").header("gms_user", user).header("Authorization", VALID)
                .POST(HttpRequest.BodyPublishers.ofString("{\"subscriberId\":\"" + user + "\","
                        + "\"notificationDetails\":{\"deviceId\":\"web\",\"type\":\"comet\"},\"filter\":\"real.*\"}")));
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(200);
        var published = http.send(HttpRequest.newBuilder(http.uri("/1/notification/publish"))
                .header("Content-Type", "application/json").header("Authorization", VALID)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"tag\":\"real.news\",\"message\":\"Hello\",\"mediaType\":\"string\"}")));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
