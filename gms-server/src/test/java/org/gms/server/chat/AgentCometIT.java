package org.gms.server.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.cometd.bayeux.Message;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.component.LifeCycle;
import org.gms.core.http.Json;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.security.auth.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The agents' CometD channel {@code /service/agent/chats}: credentials of users.ini at handshake (the
 * {@code Authorization} header or {@code ext.gms_agent}), the waiting chats of the agent's queues, and the events of
 * the chats it serves.
 */
class AgentCometIT {

    private static final String CHANNEL = "/service/agent/chats";
    private static final String AGENT = "desk-agent";
    private static final String AGENT_PASSWORD = "desk-agent-secret";
    private static final String OTHER = "other-agent";
    private static final String OTHER_PASSWORD = "other-agent-secret";
    private static final String PEER = "peer-agent";

    // the poll is far away: every event here comes from the stored-event path
    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builder
            .user(AGENT, Role.AGENT, AGENT_PASSWORD, "desk")
            .user(OTHER, Role.AGENT, OTHER_PASSWORD, "elsewhere")
            .user(PEER, Role.AGENT, OTHER_PASSWORD, "desk")
            .option("chat", "notification-poll-interval", "60000")
            .option("chat.desk", "_chat_endpoint", "Tenant:desk"));

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
    void should_announce_a_waiting_chat_of_the_agents_queue_then_the_events_of_the_chat_it_accepted(String transport)
            throws Exception {
        // the header over long polling, the handshake extension over WebSocket
        boolean header = transport.equals("long-polling");
        try (CometChatClient desk = agent(transport, AGENT, AGENT_PASSWORD, header);
             CometChatClient other = agent(transport, OTHER, OTHER_PASSWORD, !header)) {
            watch(desk);
            watch(other);

            HttpTestClient http = gms.http();
            Map<String, Object> chat = json(http.postForm("/2/chat/desk", Map.of("nickname", "Ivy",
                    "text", "Is anyone there?")).body());
            String chatId = (String) chat.get("chatId");
            String key = (String) chat.get("secureKey");
            Map<String, Object> waiting = desk.awaitBody(0, body -> "waiting".equals(body.get("type"))
                    && chatId.equals(((Map<?, ?>) body.get("chat")).get("chatId")));
            Map<?, ?> entry = (Map<?, ?>) waiting.get("chat");
            assertThat(entry.get("state")).isEqualTo("WAITING");
            assertThat(entry.get("queue")).isEqualTo("Tenant:desk");
            assertThat(entry.get("nickname")).isEqualTo("Ivy");

            var accepted = http.as(AGENT, AGENT_PASSWORD).postForm("/1/agent/chats/" + chatId + "/accept", Map.of());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
            assertThat(http.postForm("/2/chat/desk/" + chatId + "/send", Map.of("secureKey", key,
                    "message", "I need help")).statusCode()).isEqualTo(200);
            Map<?, ?> message = event(desk, chatId, "I need help");
            assertThat(((Map<?, ?>) message.get("from")).get("type")).isEqualTo("Client");
            assertThat(http.as(AGENT, AGENT_PASSWORD).postForm("/1/agent/chats/" + chatId + "/send",
                    Map.of("message", "Here I am")).statusCode()).isEqualTo(200);
            event(desk, chatId, "Here I am");

            // the whole transcript, from the customer's arrival on, each event once and in order
            List<Map<String, Object>> stored = CometChatClient.transcript(http, chatId);
            await().atMost(CometChatClient.WAIT).until(() -> indexes(desk, chatId).size() >= stored.size());
            assertThat(indexes(desk, chatId)).containsExactlyElementsOf(IntStream.rangeClosed(1, stored.size())
                    .boxed().toList());
            // the other agent serves another queue: nothing of this chat reached it
            assertThat(other.bodies()).noneMatch(body -> body.toString().contains(chatId));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"long-polling", "websocket"})
    void should_refuse_a_handshake_with_wrong_agent_credentials(String transport) throws Exception {
        for (boolean header : new boolean[] {true, false}) {
            assertThat(handshake(transport, AGENT, "guess", header).isSuccessful()).as("wrong password").isFalse();
            assertThat(handshake(transport, "nobody", AGENT_PASSWORD, header).isSuccessful()).as("unknown user")
                    .isFalse();
            assertThat(handshake(transport, AGENT, AGENT_PASSWORD, header).isSuccessful()).as("right ones")
                    .isTrue();
        }
    }

    @Test
    void should_answer_an_error_and_nothing_else_to_a_session_without_agent_credentials() throws Exception {
        try (CometChatClient anonymous = CometChatClient.open(gms.server(), "long-polling", CHANNEL, httpClient,
                webSockets)) {
            anonymous.publish(Map.of("operation", "watch"));
            Map<String, Object> error = anonymous.awaitBody(0, body -> body.containsKey("type"));
            assertThat(error.get("type")).isEqualTo("error");
            assertThat(error.get("error")).asString().contains("users.ini");
            // a chat that waits in every queue's view changes nothing for it
            gms.http().postForm("/2/chat/desk", Map.of("nickname", "Jon"));
            try (CometChatClient desk = agent("long-polling", AGENT, AGENT_PASSWORD, true)) {
                watch(desk);
                desk.awaitBody(0, body -> body.toString().contains("Jon"));
            }
            assertThat(anonymous.bodies()).hasSize(1);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_tell_a_watching_agent_when_a_chat_it_saw_waiting_was_taken_by_another() throws Exception {
        try (CometChatClient desk = agent("long-polling", AGENT, AGENT_PASSWORD, true)) {
            watch(desk);
            String chatId = (String) json(gms.http().postForm("/2/chat/desk", Map.of("nickname", "Kim")).body())
                    .get("chatId");
            desk.awaitBody(0, body -> "waiting".equals(body.get("type"))
                    && chatId.equals(((Map<?, ?>) body.get("chat")).get("chatId")));
            int mark = desk.mark();

            assertThat(gms.http().as(PEER, OTHER_PASSWORD).postForm("/1/agent/chats/" + chatId + "/accept", Map.of())
                    .statusCode()).isEqualTo(200);

            Map<String, Object> taken = desk.awaitBody(mark, body -> "dequeued".equals(body.get("type")));
            assertThat((Map<String, Object>) taken.get("chat")).containsEntry("chatId", chatId)
                    .containsEntry("state", "ACTIVE").containsEntry("agentId", PEER);
            assertThat(desk.bodies()).noneMatch(body -> "event".equals(body.get("type"))
                    && chatId.equals(body.get("chatId")));
        }
    }

    private static CometChatClient agent(String transport, String user, String password, boolean header)
            throws Exception {
        return CometChatClient.open(gms.server(), transport, CHANNEL, httpClient, webSockets,
                header ? basic(user, password) : null, header ? Map.of() : ext(user, password));
    }

    private static Message handshake(String transport, String user, String password, boolean header)
            throws Exception {
        return CometChatClient.handshakeOnly(gms.server(), transport, httpClient, webSockets,
                header ? basic(user, password) : null, header ? Map.of() : ext(user, password));
    }

    private static void watch(CometChatClient agent) throws Exception {
        int mark = agent.mark();
        agent.publish(Map.of("operation", "watch"));
        assertThat(agent.awaitBody(mark, body -> body.containsKey("type")).get("type")).isEqualTo("watching");
    }

    private static Map<?, ?> event(CometChatClient agent, String chatId, String text) {
        Map<String, Object> body = agent.awaitBody(0, each -> "event".equals(each.get("type"))
                && chatId.equals(each.get("chatId")) && text.equals(((Map<?, ?>) each.get("event")).get("text")));
        return (Map<?, ?>) body.get("event");
    }

    private static List<Integer> indexes(CometChatClient agent, String chatId) {
        return agent.bodies().stream().filter(body -> "event".equals(body.get("type"))
                && chatId.equals(body.get("chatId")))
                .map(body -> ((Number) ((Map<?, ?>) body.get("event")).get("index")).intValue()).toList();
    }

    private static Map<String, Object> ext(String user, String password) {
        return Map.of("ext", Map.of("gms_agent", Map.of("username", user, "password", password)));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) throws Exception {
        return Json.MAPPER.readValue(body, Map.class);
    }
}
