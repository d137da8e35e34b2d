package org.gms.server.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gms.server.chat.CometChatClient.events;
import static org.gms.server.chat.CometChatClient.fromType;
import static org.gms.server.chat.CometChatClient.number;
import static org.gms.server.chat.CometChatClient.summary;
import static org.gms.server.chat.CometChatClient.text;
import static org.gms.server.chat.CometChatClient.type;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.component.LifeCycle;
import org.gms.server.GmsServer;
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
 * Chat API v2 over CometD ({@code /service/chatV2/<service>}), over long polling and WebSocket, against a real
 * server: the operations, the live events of an attached session (the customer's own and the agent's, each once and
 * in order), refusals, and a fresh session that asks for the transcript from a position.
 */
class ChatCometIT {

    private static final String SERVICE = "customer-support";
    private static final String CHANNEL = "/service/chatV2/" + SERVICE;
    private static final String AGENT = "comet-agent";
    private static final String AGENT_PASSWORD = "comet-agent-secret";

    // the poll is far away: every live event here comes from the stored-event path
    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builder
            .user(AGENT, Role.AGENT, AGENT_PASSWORD)
            .option("chat", "notification-poll-interval", "60000")
            .option("chat.secured", "disable_authentication", "false")
            .option("chat.secured", "username", "widget")
            .option("chat.secured", "password", "widget-secret"));

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
    void should_chat_with_an_agent_and_get_every_event_of_the_chat_once_in_order(String transport) throws Exception {
        try (CometChatClient customer = open(gms.server(), transport, CHANNEL)) {
            customer.publish(Map.of("operation", "requestChat", "nickname", "Ann", "subject", "My order",
                    "emailAddress", "ann@example.com", "userData", Map.of("order", "42")));
            Map<String, Object> answer = customer.awaitBody(0, body -> body.containsKey("secureKey"));
            assertThat(number(answer, "statusCode")).isZero();
            assertThat(answer.get("alias")).isEqualTo("1");
            assertThat(answer.get("chatEnded")).isEqualTo(false);
            String key = (String) answer.get("secureKey");
            String chatId = (String) answer.get("chatId");
            assertThat(key).startsWith(chatId);
            assertThat(answer.get("userId")).asString().isNotBlank();
            Map<String, Object> joined = customer.awaitEvent(type("ParticipantJoined"));
            assertThat(fromType(joined)).isEqualTo("Client");
            assertThat(((Map<?, ?>) joined.get("from")).get("nickname")).isEqualTo("Ann");

            customer.publish(Map.of("operation", "sendMessage", "secureKey", key, "message", "Hello",
                    "messageType", "text"));
            Map<String, Object> own = customer.awaitEvent(text("Message", "Hello"));
            assertThat(fromType(own)).isEqualTo("Client");
            assertThat(own.get("messageType")).isEqualTo("text");
            customer.publish(Map.of("operation", "startTyping", "secureKey", key, "message", "I am wri"));
            assertThat(customer.awaitEvent(type("TypingStarted")).get("text")).isEqualTo("I am wri");
            customer.publish(Map.of("operation", "stopTyping", "secureKey", key));
            customer.awaitEvent(type("TypingStopped"));

            HttpTestClient agent = gms.http().as(AGENT, AGENT_PASSWORD);
            var accepted = agent.postForm("/1/agent/chats/" + chatId + "/accept", Map.of());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
            customer.awaitEvent(event -> "ParticipantJoined".equals(event.get("type"))
                    && "Agent".equals(fromType(event)));
            var sent = agent.postForm("/1/agent/chats/" + chatId + "/send", Map.of("message", "How can I help?"));
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
            assertThat(fromType(customer.awaitEvent(text("Message", "How can I help?")))).isEqualTo("Agent");

            int mark = customer.mark();
            customer.publish(Map.of("operation", "disconnect", "secureKey", key));
            Map<String, Object> ended = customer.awaitBody(mark, body -> Boolean.TRUE.equals(body.get("chatEnded")));
            assertThat(number(ended, "statusCode")).isZero();

            List<Map<String, Object>> stored = transcript(chatId);
            assertThat(stored).extracting(event -> event.get("type")).contains("ParticipantLeft");
            await().atMost(CometChatClient.WAIT).until(() -> customer.events().size() >= stored.size());
            assertThat(customer.indexes()).as("every event once, in index order")
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, stored.size()).boxed().toList());
            assertThat(summary(customer.events())).isEqualTo(summary(stored));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"long-polling", "websocket"})
    void should_refuse_an_operation_with_a_wrong_secure_key_and_change_nothing(String transport) throws Exception {
        try (CometChatClient customer = open(gms.server(), transport, CHANNEL)) {
            customer.publish(Map.of("operation", "requestChat", "firstName", "Bob", "lastName", "Stone"));
            Map<String, Object> answer = customer.awaitBody(0, body -> body.containsKey("secureKey"));
            String key = (String) answer.get("secureKey");
            String chatId = (String) answer.get("chatId");
            int before = transcript(chatId).size();

            String wrong = key.substring(0, key.length() - 1) + (key.endsWith("0") ? "1" : "0");
            int mark = customer.mark();
            customer.publish(Map.of("operation", "sendMessage", "secureKey", wrong, "message", "Forged"));
            Map<String, Object> refused = customer.awaitBody(mark, body -> number(body, "statusCode") != 0);
            assertThat(number(refused, "statusCode")).isEqualTo(2);
            assertThat(refused).doesNotContainKey("secureKey");
            Map<?, ?> error = (Map<?, ?>) first(refused.get("errors"));
            assertThat(((Number) error.get("code")).intValue()).isEqualTo(102);
            assertThat(error.get("advice")).asString().isNotBlank();
            mark = customer.mark();
            customer.publish(Map.of("operation", "customNotice", "message", "no key at all"));
            assertThat(number(customer.awaitBody(mark, body -> number(body, "statusCode") != 0), "statusCode"))
                    .isEqualTo(2);

            // the session is still attached to its own chat, and the chat unchanged
            customer.publish(Map.of("operation", "sendMessage", "secureKey", key, "message", "Real"));
            customer.awaitEvent(text("Message", "Real"));
            List<Map<String, Object>> stored = transcript(chatId);
            assertThat(stored).hasSize(before + 1);
            assertThat(stored).extracting(event -> event.get("text")).doesNotContain("Forged", "no key at all");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"long-polling", "websocket"})
    void should_give_a_fresh_session_the_events_from_its_position_then_the_live_ones(String transport)
            throws Exception {
        String other = transport.equals("websocket") ? "long-polling" : "websocket";
        try (CometChatClient first = open(gms.server(), other, CHANNEL)) {
            first.publish(Map.of("operation", "requestChat", "nickname", "Cleo", "text", "first words"));
            String key = (String) first.awaitBody(0, body -> body.containsKey("secureKey")).get("secureKey");
            for (String message : List.of("one", "two", "three")) {
                first.publish(Map.of("operation", "sendMessage", "secureKey", key, "message", message));
            }
            first.awaitEvent(text("Message", "three"));
            String chatId = key.substring(0, 16);
            List<Map<String, Object>> stored = transcript(chatId);
            int position = stored.size() - 1;

            try (CometChatClient fresh = open(gms.server(), transport, CHANNEL)) {
                fresh.publish(Map.of("operation", "requestNotifications", "secureKey", key,
                        "transcriptPosition", position));
                Map<String, Object> attached = fresh.awaitBody(0, body -> body.containsKey("secureKey"));
                assertThat(number(attached, "statusCode")).isZero();
                assertThat(summary(events(attached))).isEqualTo(summary(stored.subList(position - 1,
                        stored.size())));
                assertThat(number(attached, "nextPosition")).isEqualTo(stored.size() + 1);

                first.publish(Map.of("operation", "sendMessage", "secureKey", key, "message", "four"));
                fresh.awaitEvent(text("Message", "four"));
                HttpTestClient agent = gms.http().as(AGENT, AGENT_PASSWORD);
                assertThat(agent.postForm("/1/agent/chats/" + chatId + "/accept", Map.of()).statusCode())
                        .isEqualTo(200);
                assertThat(agent.postForm("/1/agent/chats/" + chatId + "/send", Map.of("message", "Hi Cleo"))
                        .statusCode()).isEqualTo(200);
                fresh.awaitEvent(text("Message", "Hi Cleo"));

                List<Map<String, Object>> now = transcript(chatId);
                await().atMost(CometChatClient.WAIT).until(() -> fresh.events().size() >= now.size() - position + 1);
                assertThat(fresh.indexes()).as("from the position on, each once")
                        .containsExactlyElementsOf(IntStream.rangeClosed(position, now.size()).boxed().toList());
                assertThat(summary(fresh.events())).isEqualTo(summary(now.subList(position - 1, now.size())));
            }
            // position 0 (or none) is the whole transcript
            try (CometChatClient whole = open(gms.server(), transport, CHANNEL)) {
                whole.publish(Map.of("operation", "requestNotifications", "secureKey", key, "transcriptPosition", 0));
                Map<String, Object> attached = whole.awaitBody(0, body -> body.containsKey("secureKey"));
                List<Map<String, Object>> now = transcript(chatId);
                assertThat(summary(events(attached))).isEqualTo(summary(now));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"long-polling", "websocket"})
    void should_ask_the_credentials_of_a_chat_service_that_has_basic_authentication(String transport)
            throws Exception {
        try (CometChatClient customer = open(gms.server(), transport, "/service/chatV2/secured")) {
            Map<String, Object> request = new LinkedHashMap<>(Map.of("operation", "requestChat", "nickname", "Dan"));
            assertThat(requestChat(customer, request)).as("no credentials").isEqualTo(2);
            request.put("auth", Map.of("encoded", base64("widget:guess")));
            assertThat(requestChat(customer, request)).as("wrong password").isEqualTo(2);
            request.put("auth", Map.of("username", "other", "password", "widget-secret"));
            assertThat(requestChat(customer, request)).as("wrong user").isEqualTo(2);
            request.put("auth", Map.of("encoded", base64("widget:widget-secret")));
            assertThat(requestChat(customer, request)).as("encoded credentials").isZero();
            request.put("auth", Map.of("username", "widget", "password", "widget-secret"));
            assertThat(requestChat(customer, request)).as("user and password").isZero();
        }
        // a service without authentication takes any request
        try (CometChatClient customer = open(gms.server(), transport, CHANNEL)) {
            assertThat(requestChat(customer, new LinkedHashMap<>(Map.of("operation", "requestChat",
                    "nickname", "Eve", "auth", Map.of("encoded", base64("any:thing")))))).isZero();
        }
    }

    @Test
    void should_refuse_every_operation_when_notification_mode_is_disabled() throws Exception {
        GmsServer restOnly = gms.start(gms.builder().option("chat", "enable_notification_mode", "false"));
        try (CometChatClient customer = open(restOnly, "long-polling", CHANNEL)) {
            customer.publish(Map.of("operation", "requestChat", "nickname", "Fay"));
            Map<String, Object> refused = customer.awaitBody(0, body -> body.containsKey("statusCode"));
            assertThat(number(refused, "statusCode")).isEqualTo(2);
            assertThat(((Map<?, ?>) first(refused.get("errors"))).get("advice")).asString()
                    .contains("enable_notification_mode");
        }
    }

    private static int requestChat(CometChatClient customer, Map<String, Object> request) throws Exception {
        int mark = customer.mark();
        customer.publish(request);
        Map<String, Object> answer = customer.awaitBody(mark, body -> body.containsKey("statusCode"));
        if (number(answer, "statusCode") != 0) {
            assertThat(((Number) ((Map<?, ?>) first(answer.get("errors"))).get("code")).intValue()).isEqualTo(401);
        }
        return number(answer, "statusCode");
    }

    private static CometChatClient open(GmsServer server, String transport, String channel) throws Exception {
        return CometChatClient.open(server, transport, channel, httpClient, webSockets);
    }

    /** The stored transcript, as the admin API of the class server reads it. */
    private static List<Map<String, Object>> transcript(String chatId) {
        return CometChatClient.transcript(gms.http(), chatId);
    }

    private static Object first(Object array) {
        return array instanceof Object[] values ? values[0] : ((List<?>) array).get(0);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
