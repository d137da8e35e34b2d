package org.gms.server.cometd;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.cometd.bayeux.Message;
import org.cometd.client.BayeuxClient;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.gms.server.GmsServer;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A comet subscription's notifications reach the CometD sessions of its user on /_genesys, over the real endpoint. */
class CometPushIT {

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builder
            .option("push", "pushEnabled", "comet"));

    private final GmsServer server = gms.server();
    private HttpClient httpClient;

    @BeforeEach
    void startClient() throws Exception {
        httpClient = new HttpClient();
        httpClient.start();
    }

    @AfterEach
    void stopClient() throws Exception {
        httpClient.stop();
    }

    @Test
    void should_deliver_a_published_notification_to_the_sessions_of_the_subscribed_user_only() throws Exception {
        BlockingQueue<Message> alice = new LinkedBlockingQueue<>();
        BlockingQueue<Message> bob = new LinkedBlockingQueue<>();
        BayeuxClient aliceClient = connect("alice", alice);
        BayeuxClient bobClient = connect("bob", bob);
        try {
            HttpTestClient http = new HttpTestClient(server);
            var subscribed = http.send(HttpRequest.newBuilder(http.uri("/1/notification/subscription"))
                    .header("Content-Type", "application/json").header("gms_user", "alice")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"subscriberId\":\"alice-phone\","
                            + "\"notificationDetails\":{\"deviceId\":\"web\",\"type\":\"comet\"},\"filter\":\"news.*\"}")));
            assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(200);

            var published = http.postJson("/1/notification/publish",
                    "{\"tag\":\"news.sports\",\"message\":\"Goal!\",\"mediaType\":\"string\"}");
            assertThat(published.statusCode()).as(published.body()).isEqualTo(200);

            Message received = alice.poll(15, TimeUnit.SECONDS);
            assertThat(received).as("alice's session got the notification").isNotNull();
            Map<String, Object> data = received.getDataAsMap();
            assertThat(data).containsEntry("tag", "news.sports").containsEntry("message", "Goal!").containsKey("id");
            assertThat(bob.poll(1, TimeUnit.SECONDS)).as("bob has no subscription").isNull();
        } finally {
            aliceClient.disconnect(5000);
            bobClient.disconnect(5000);
        }
    }

    private BayeuxClient connect(String user, BlockingQueue<Message> received) throws InterruptedException {
        JettyHttpClientTransport transport = new JettyHttpClientTransport(null, httpClient) {
            @Override
            protected void customize(Request request) {
                super.customize(request);
                request.headers(headers -> headers.put("gms_user", user));
            }
        };
        BayeuxClient client = new BayeuxClient(server.localUri() + "/cometd", transport);
        client.handshake();
        assertThat(client.waitFor(15_000, BayeuxClient.State.CONNECTED)).as("CometD handshake of " + user).isTrue();
        CountDownLatch subscribed = new CountDownLatch(1);
        client.getChannel("/_genesys").subscribe((channel, message) -> received.add(message),
                reply -> subscribed.countDown());
        assertThat(subscribed.await(15, TimeUnit.SECONDS)).as("subscription of " + user).isTrue();
        return client;
    }
}
