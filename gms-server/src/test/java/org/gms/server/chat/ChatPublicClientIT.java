package org.gms.server.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.chat.RestChats.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.security.auth.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Chat API v2 over CometD with the public CometD JavaScript client (npm {@code cometd} 9.0.0 under Node.js with
 * {@code cometd-nodejs-client} 2.0.0), as a web chat widget drives it, on WebSocket and on long polling: the
 * customer requests a chat, an agent accepts it and writes over REST, the customer types and answers, then leaves.
 * The customer gets every event of the transcript once, in index order, its own included.
 */
class ChatPublicClientIT {

    private static final String PASSWORD = "agent-password";
    private static final long WAIT = 30;

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builder
            .option("chat", "chat_session_request_timeout", "600000")
            .user("pat", Role.AGENT, PASSWORD));

    @ParameterizedTest
    @ValueSource(strings = {"websocket", "long-polling"})
    @SuppressWarnings("unchecked")
    void should_chat_with_an_agent_through_the_public_cometd_javascript_client(String transport) throws Exception {
        HttpTestClient agent = gms.http().as("pat", PASSWORD);
        try (NodeClients.Script customer = new NodeClients.Script("chat-customer.mjs",
                gms.server().localUri() + "/cometd", "public-js", transport)) {
            Map<String, Object> handshake = customer.await(line -> !"answer".equals(line.get("step")), "handshake",
                    WAIT);
            assertThat(handshake).as(customer.output().toString()).containsEntry("step", "handshake")
                    .containsEntry("transport", transport);
            String chatId = (String) customer.await(line -> "started".equals(line.get("step")), "chat", WAIT)
                    .get("chatId");

            assertThat(agent.postForm("/1/agent/chats/" + chatId + "/accept", Map.of()).statusCode()).isEqualTo(200);
            assertThat(agent.postForm("/1/agent/chats/" + chatId + "/send", Map.of("message", "How can I help?"))
                    .statusCode()).isEqualTo(200);
            customer.await(line -> carries(line, "Message", "Agent", "How can I help?"), "the agent's message", WAIT);

            customer.command("typing");
            customer.command("send My order is late");
            customer.await(line -> carries(line, "Message", "Client", "My order is late"), "its own message", WAIT);
            customer.command("disconnect");
            customer.await(line -> Boolean.TRUE.equals(line.get("chatEnded")), "chatEnded", WAIT);
            customer.command("quit");
            assertThat(customer.exitCode(WAIT)).as(customer.output().toString()).isZero();

            List<Map<String, Object>> transcript = (List<Map<String, Object>>) body(
                    agent.get("/1/agent/chats/" + chatId + "/transcript?from=1")).get("messages");
            List<Object> types = transcript.stream().map(event -> event.get("type")).toList();
            assertThat(types).containsSubsequence("ParticipantJoined", "ParticipantJoined", "Message",
                    "TypingStarted", "Message", "ParticipantLeft");
            List<Integer> delivered = new ArrayList<>();
            for (String line : customer.output()) {
                Map<String, Object> parsed = RestChats.JSON.readValue(line, Map.class);
                if ("answer".equals(parsed.get("step"))) {
                    for (Map<String, Object> event : (List<Map<String, Object>>) parsed.get("messages")) {
                        delivered.add((Integer) event.get("index"));
                    }
                }
            }
            // every event the transcript holds reached the customer once, in order
            assertThat(delivered).as(customer.output().toString())
                    .isEqualTo(IntStream.rangeClosed(1, transcript.size()).boxed().toList());
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean carries(Map<String, Object> line, String type, String from, String text) {
        Object events = line.get("messages");
        return events instanceof List<?> list && list.stream().map(event -> (Map<String, Object>) event)
                .anyMatch(event -> type.equals(event.get("type")) && from.equals(event.get("from"))
                        && text.equals(event.get("text")));
    }
}
