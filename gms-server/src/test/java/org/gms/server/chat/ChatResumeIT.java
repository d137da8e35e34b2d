package org.gms.server.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gms.server.chat.CometChatClient.number;
import static org.gms.server.chat.CometChatClient.summary;
import static org.gms.server.chat.CometChatClient.text;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.component.LifeCycle;
import org.gms.server.GmsServer;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.TestServers;
import org.gms.server.security.auth.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two nodes sharing the keyspaces: the events an agent posts through one node reach the customer's CometD session on
 * the other at once (a wake-up, not the poll), and a customer whose node dies resumes on the other node from its
 * position with no gap and no duplicate.
 */
class ChatResumeIT {

    private static final String CHANNEL = "/service/chatV2/resume";
    private static final String AGENT = "resume-agent";
    private static final String AGENT_PASSWORD = "resume-agent-secret";
    /** Much less than the poll interval of node A: only a wake-up can be this fast. */
    private static final Duration WOKEN = Duration.ofSeconds(5);

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.noServer();

    private final String queue = "test-" + UUID.randomUUID();
    private HttpClient httpClient;
    private WebSocketContainer webSockets;

    @BeforeEach
    void startClients() throws Exception {
        httpClient = new HttpClient();
        httpClient.start();
        webSockets = ContainerProvider.getWebSocketContainer();
    }

    @AfterEach
    void stopClients() throws Exception {
        LifeCycle.stop(webSockets);
        httpClient.stop();
    }

    private TestServers node() {
        return gms.builder()
                .user(AGENT, Role.AGENT, AGENT_PASSWORD)
                .option("cluster", "heartbeat-period", "1")
                .option("cluster", "job-queue", queue)
                .option("cluster", "job-poll-interval", "500")
                .option("cluster", "job-lease-ttl", "3");
    }

    @Test
    void should_wake_the_customers_node_and_resume_on_another_node_with_no_gap_and_no_duplicate() throws Exception {
        GmsServer a = gms.start(node().option("chat", "notification-poll-interval", "60000"));
        GmsServer b = gms.start(node());
        await().atMost(Duration.ofSeconds(15)).until(() -> a.cluster().members().size() == 2
                && b.cluster().members().size() == 2);
        HttpTestClient agent = new HttpTestClient(b).as(AGENT, AGENT_PASSWORD);

        List<Map<String, Object>> received = new ArrayList<>();
        String key;
        String chatId;
        int position;
        CometChatClient onA = CometChatClient.open(a, "long-polling", CHANNEL, httpClient, webSockets);
        try {
            onA.publish(Map.of("operation", "requestChat", "nickname", "Hana", "text", "Hello from A"));
            Map<String, Object> answer = onA.awaitBody(0, body -> body.containsKey("secureKey"));
            key = (String) answer.get("secureKey");
            chatId = (String) answer.get("chatId");
            assertThat(agent.postForm("/1/agent/chats/" + chatId + "/accept", Map.of()).statusCode()).isEqualTo(200);
            for (String message : List.of("b1", "b2", "b3")) {
                assertThat(agent.postForm("/1/agent/chats/" + chatId + "/send", Map.of("message", message))
                        .statusCode()).isEqualTo(200);
                await().atMost(WOKEN).until(() -> onA.events().stream().anyMatch(text("Message", message)));
            }
            onA.publish(Map.of("operation", "sendMessage", "secureKey", key, "message", "thanks, from A"));
            onA.awaitEvent(text("Message", "thanks, from A"));

            // node A dies
            a.cluster().halt();
            a.stop();
            received.addAll(onA.events());
            List<Map<String, Object>> bodies = onA.bodies();
            position = number(bodies.get(bodies.size() - 1), "nextPosition");
            assertThat(position).as("the last nextPosition follows the last event received")
                    .isEqualTo(number(received.get(received.size() - 1), "index") + 1);
        } finally {
            onA.close();
        }

        // what the agent says while the customer has no node
        for (String message : List.of("b4", "b5")) {
            assertThat(agent.postForm("/1/agent/chats/" + chatId + "/send", Map.of("message", message))
                    .statusCode()).isEqualTo(200);
        }
        try (CometChatClient onB = CometChatClient.open(b, "websocket", CHANNEL, httpClient, webSockets)) {
            onB.publish(Map.of("operation", "requestNotifications", "secureKey", key, "transcriptPosition",
                    position));
            Map<String, Object> resumed = onB.awaitBody(0, body -> body.containsKey("secureKey"));
            assertThat(number(resumed, "statusCode")).isZero();
            onB.awaitEvent(text("Message", "b5"));
            assertThat(agent.postForm("/1/agent/chats/" + chatId + "/send", Map.of("message", "b6")).statusCode())
                    .isEqualTo(200);
            onB.awaitEvent(text("Message", "b6"));
            onB.publish(Map.of("operation", "sendMessage", "secureKey", key, "message", "bye, from B"));
            onB.awaitEvent(text("Message", "bye, from B"));
            received.addAll(onB.events());
        }

        List<Map<String, Object>> stored = CometChatClient.transcript(new HttpTestClient(b), chatId);
        assertThat(received).extracting(event -> number(event, "index")).as("no gap, no duplicate")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, stored.size()).boxed().toList());
        assertThat(summary(received)).isEqualTo(summary(stored));
    }
}
