package org.gms.server.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.security.auth.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mobile push of chat events: a chat whose user data names a device gets the agent's events pushed to it through
 * the push engine (here the httpcb provider, posting to a loopback receiver), never its own.
 */
class ChatPushIT {

    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    static final HttpServer DEVICE = device();

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builder
            .option("push", "pushEnabled", "comet,httpcb")
            .option("chat", "chat_session_request_timeout", "600000")
            .user("pia", Role.AGENT, "pia-password"));

    private final HttpTestClient http = gms.http();

    @AfterAll
    static void stopDevice() {
        DEVICE.stop(0);
    }

    @Test
    void should_push_the_agents_events_to_the_customers_device_and_not_the_customers_own() {
        String url = "http://127.0.0.1:" + DEVICE.getAddress().getPort() + "/device";
        RestChats chat = new RestChats(http, "mobile");
        chat.start("Rio", "userData[push_notification_deviceid]", url, "userData[push_notification_type]", "httpcb",
                "text", "customer text");
        HttpTestClient agent = http.as("pia", "pia-password");
        assertThat(agent.postForm("/1/agent/chats/" + chat.chatId + "/accept", Map.of()).statusCode()).isEqualTo(200);
        assertThat(agent.postForm("/1/agent/chats/" + chat.chatId + "/send", Map.of("message", "agent reply"))
                .statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVED.stream().anyMatch(body ->
                body.contains("agent reply")));
        await().atMost(Duration.ofSeconds(5)).until(() -> RECEIVED.stream().anyMatch(body ->
                body.contains("ParticipantJoined")));

        assertThat(RECEIVED).allSatisfy(body -> assertThat(body).contains("chat." + chat.chatId)
                .doesNotContain("customer text"));
    }

    private static HttpServer device() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/device", exchange -> {
                RECEIVED.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
