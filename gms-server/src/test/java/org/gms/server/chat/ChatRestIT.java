package org.gms.server.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gms.server.chat.RestChats.body;
import static org.gms.server.chat.RestChats.from;
import static org.gms.server.chat.RestChats.messages;
import static org.gms.server.chat.RestChats.types;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
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
 * The customer side of Chat API v2 over REST, as the public clients drive it: request, every operation, the
 * transcript positions, the secure key, the limits, idle and request timeouts and the bot.
 */
class ChatRestIT {

    static final BotServer BOT = BotServer.start();

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builder
            .option("cluster", "job-poll-interval", "200")
            .option("chat", "chat_session_request_timeout", "600000")
            .option("chat.limited", "message-max-size", "20")
            .option("chat.limited", "messages-per-second", "3")
            .option("chat.limited", "transcript-max-events", "12")
            .option("chat.idle", "_client_timeout", "10")
            .option("chat.idle", "_client_timeout_notification", "6")
            .option("chat.unanswered", "chat_session_request_timeout", "1500")
            .option("chat.bot", "_bot_webhook", BOT.url())
            .user("amy", Role.AGENT, "amy-password"));

    private final HttpTestClient http = gms.http();

    @AfterAll
    static void stopBot() {
        BOT.close();
    }

    @Test
    void should_start_a_chat_with_the_customer_joined_and_the_queue_position_when_a_customer_asks() {
        RestChats chat = new RestChats(http, "customer-support");

        Map<String, Object> answer = chat.start("Jo", "subject", "Order 42", "emailAddress", "jo@example.com",
                "userData[TimeZone]", "-480", "text", "Hello there");

        assertThat(answer).containsKeys("chatId", "userId", "secureKey", "alias", "nextPosition")
                .containsEntry("chatEnded", false);
        assertThat(chat.secureKey).matches("[0-9a-f]{48}");
        List<Map<String, Object>> events = messages(answer);
        assertThat(types(events)).containsExactly("ParticipantJoined", "Message", "Notice");
        assertThat(from(events.get(0))).containsEntry("nickname", "Jo").containsEntry("participantId", 1)
                .containsEntry("type", "Client");
        assertThat(events.get(1)).containsEntry("text", "Hello there").containsEntry("index", 2);
        assertThat(events.get(2)).containsEntry("index", 3);
        assertThat(events.get(2).get("userData").toString()).contains("queue-position");
        assertThat(answer).containsEntry("nextPosition", 4);
        assertThat(events.get(0).get("utcTime")).isInstanceOf(Long.class);
    }

    @Test
    void should_accept_firstname_and_lastname_and_refuse_a_chat_without_any_name() {
        RestChats named = new RestChats(http, "customer-support");
        named.start("", "firstName", "Ann", "lastName", "Lee");
        assertThat(from(named.seen.get(0))).containsEntry("nickname", "Ann Lee");

        Map<String, Object> refused = body(http.postForm("/2/chat/customer-support", Map.of("subject", "x")));

        assertThat(refused).containsEntry("statusCode", 2);
        assertThat(errors(refused).get(0)).containsKeys("code", "advice");
        assertThat(errors(refused).get(0).get("advice").toString()).contains("nickname");
    }

    @Test
    void should_record_every_customer_operation_in_the_transcript_in_order() {
        RestChats chat = new RestChats(http, "customer-support");
        chat.start("Kim");

        Map<String, Object> sent = chat.op("send", "message", "first", "messageType", "text");
        assertThat(sent).containsEntry("statusCode", 0);
        assertThat(messages(sent)).isEmpty();
        chat.op("startTyping", "message", "sec");
        chat.op("stopTyping");
        chat.op("updateNickname", "nickname", "Kimberly");
        chat.op("customNotice", "message", "widget-open");
        chat.op("pushUrl", "pushUrl", "https://shop.example.com/cart");
        assertThat(chat.op("updateData", "userData[order]", "42")).containsEntry("statusCode", 0);
        assertThat(chat.op("readReceipt", "transcriptPosition", "2")).containsEntry("statusCode", 0);
        chat.refresh();

        assertThat(types(chat.seen)).containsExactly("ParticipantJoined", "Notice", "Message", "TypingStarted",
                "TypingStopped", "NicknameUpdated", "CustomNotice", "PushUrl");
        assertThat(chat.seen).extracting(event -> event.get("index")).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(chat.seen.get(2)).containsEntry("messageType", "text").containsEntry("text", "first");
        assertThat(chat.seen.get(3)).containsEntry("text", "sec");
        assertThat(from(chat.seen.get(6))).containsEntry("nickname", "Kimberly");
        assertThat(chat.op("refresh", "transcriptPosition", "9")).satisfies(answer ->
                assertThat(messages(answer)).isEmpty());
    }

    @Test
    void should_answer_each_event_once_whether_the_client_asks_from_next_position_or_the_one_before() {
        RestChats chat = new RestChats(http, "customer-support");
        Map<String, Object> started = chat.start("Lou");
        int next = (Integer) started.get("nextPosition");
        chat.op("send", "message", "one");
        chat.op("send", "message", "two");

        Map<String, Object> fromNext = chat.op("refresh", "transcriptPosition", Integer.toString(next));
        Map<String, Object> fromBefore = chat.op("refresh", "transcriptPosition", Integer.toString(next - 1));

        assertThat(messages(fromNext)).extracting(event -> event.get("text")).containsExactly("one", "two");
        assertThat(messages(fromBefore)).extracting(event -> event.get("index"))
                .containsExactly(next - 1, next, next + 1).doesNotHaveDuplicates();
        assertThat(fromNext.get("nextPosition")).isEqualTo(next + 2);
        assertThat(fromBefore.get("nextPosition")).isEqualTo(next + 2);
    }

    @Test
    void should_refuse_a_wrong_or_missing_key_and_an_unknown_chat_and_change_nothing() {
        RestChats chat = new RestChats(http, "customer-support");
        chat.start("Max");
        String key = chat.secureKey;
        int before = transcriptLength(chat);

        chat.secureKey = key.substring(0, 47) + (key.endsWith("0") ? "1" : "0");
        Map<String, Object> wrong = chat.op("send", "message", "forged");
        chat.secureKey = "";
        Map<String, Object> missing = chat.op("disconnect");
        String realId = chat.chatId;
        chat.chatId = "ffffffffffffffff";
        chat.secureKey = key;
        Map<String, Object> unknown = chat.op("refresh");
        chat.chatId = realId;

        for (Map<String, Object> refused : List.of(wrong, missing, unknown)) {
            assertThat(refused).containsEntry("statusCode", 2);
            assertThat(errors(refused).get(0)).containsEntry("code", 102);
            assertThat(refused).doesNotContainKey("secureKey");
        }
        assertThat(transcriptLength(chat)).isEqualTo(before);
        assertThat(chat.op("refresh")).containsEntry("chatEnded", false);
    }

    @Test
    void should_refuse_beyond_each_limit_with_a_clear_advice_and_no_event_written() {
        RestChats chat = new RestChats(http, "limited");
        chat.start("Ned");
        int before = transcriptLength(chat);

        Map<String, Object> tooLong = chat.op("send", "message", "x".repeat(21));
        assertThat(tooLong).containsEntry("statusCode", 2);
        assertThat(errors(tooLong).get(0).get("advice").toString()).contains("message-max-size");
        assertThat(transcriptLength(chat)).isEqualTo(before);

        boolean limited = false;
        for (int i = 0; i < 10 && !limited; i++) {
            Map<String, Object> answer = chat.op("send", "message", "m" + i);
            limited = answer.get("statusCode").equals(1);
            if (limited) {
                assertThat(errors(answer).get(0).get("advice").toString()).contains("messages-per-second");
            }
        }
        assertThat(limited).as("the rate limit answers statusCode 1").isTrue();

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(400)).until(() -> {
            Map<String, Object> answer = chat.op("send", "message", "more");
            return answer.get("statusCode").equals(2)
                    && errors(answer).get(0).get("advice").toString().contains("transcript");
        });
        assertThat(transcriptLength(chat)).isEqualTo(12);
    }

    @Test
    void should_end_the_chat_on_disconnect_and_refuse_messages_after() {
        RestChats chat = new RestChats(http, "customer-support");
        chat.start("Ola");

        Map<String, Object> ended = chat.op("disconnect");
        Map<String, Object> after = chat.op("send", "message", "still there?");
        Map<String, Object> refresh = chat.op("refresh", "transcriptPosition", "1");

        assertThat(ended).containsEntry("statusCode", 0).containsEntry("chatEnded", true);
        assertThat(after).containsEntry("statusCode", 2).containsEntry("chatEnded", true);
        assertThat(refresh).containsEntry("statusCode", 0).containsEntry("chatEnded", true);
        assertThat(types(messages(refresh))).endsWith("ParticipantLeft");
    }

    @Test
    void should_warn_an_idle_customer_then_close_the_chat() {
        RestChats chat = new RestChats(http, "idle");
        chat.start("Pat");

        await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofMillis(500)).until(() -> {
            // reading the transcript back as an admin does not count as customer activity
            // the close writes IdleClose, then the customer's ParticipantLeft: wait for both
            List<String> seen = transcriptTypes(chat);
            return seen.contains("IdleClose") && seen.contains("ParticipantLeft");
        });

        List<String> types = transcriptTypes(chat);
        assertThat(types).containsSubsequence("IdleAlert", "IdleClose", "ParticipantLeft");
        assertThat(types.stream().filter("IdleAlert"::equals).count()).isEqualTo(1);
        assertThat(chat.op("refresh", "transcriptPosition", "1")).containsEntry("chatEnded", true);
    }

    @Test
    void should_end_a_chat_nobody_accepts_within_the_request_timeout() {
        RestChats chat = new RestChats(http, "unanswered");
        chat.start("Quinn");

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300))
                .until(() -> chat.op("refresh", "transcriptPosition", "1").get("chatEnded").equals(true));

        assertThat(types(messages(chat.op("refresh", "transcriptPosition", "1"))))
                .containsSubsequence("ParticipantJoined", "Notice", "Notice", "ParticipantLeft");
        assertThat(agentChats()).doesNotContain(chat.chatId);
    }

    @Test
    void should_let_the_bot_answer_first_then_hand_the_chat_to_the_agents() {
        RestChats chat = new RestChats(http, "bot");
        chat.start("Ray", "text", "hi");
        assertThat(agentChats()).doesNotContain(chat.chatId);

        await().atMost(Duration.ofSeconds(15)).until(() -> {
            chat.refresh();
            return chat.seen.stream().anyMatch(event -> "echo: hi".equals(event.get("text")));
        });
        chat.op("send", "message", "agent please");

        await().atMost(Duration.ofSeconds(15)).until(() -> agentChats().contains(chat.chatId));
        chat.refresh();
        Map<String, Object> reply = chat.seen.stream().filter(event -> "echo: hi".equals(event.get("text")))
                .findFirst().orElseThrow();
        assertThat(from(reply)).containsEntry("type", "External").containsEntry("nickname", "Bot");
        assertThat(BOT.received).anySatisfy(body -> assertThat(body).contains("\"message\":\"hi\"")
                .contains(chat.chatId));
        assertThat(types(chat.seen)).contains("ParticipantLeft");
    }

    private List<String> agentChats() {
        Map<String, Object> listed = body(http.as("amy", "amy-password").get("/1/agent/chats"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> chats = (List<Map<String, Object>>) listed.get("chats");
        return chats.stream().map(chat -> (String) chat.get("chatId")).toList();
    }

    private int transcriptLength(RestChats chat) {
        return transcriptTypes(chat).size();
    }

    private List<String> transcriptTypes(RestChats chat) {
        Map<String, Object> transcript = body(http.admin().get("/1/admin/chat/" + chat.chatId + "/transcript"));
        return types(messages(transcript));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> errors(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("errors");
    }

    /** A bot: echoes the first message, asks for the agents on "agent please". */
    static final class BotServer implements AutoCloseable {

        final List<String> received = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        private BotServer(HttpServer server) {
            this.server = server;
        }

        static BotServer start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                BotServer bot = new BotServer(server);
                server.createContext("/bot", exchange -> {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    bot.received.add(body);
                    String message = RestChats.JSON.readTree(body).path("message").asText();
                    String answer = message.equals("agent please")
                            ? "{\"messages\":[{\"text\":\"Let me find someone\"}],\"transfer\":true}"
                            : "{\"messages\":[{\"text\":\"echo: " + message + "\"}]}";
                    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, bytes.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                });
                server.start();
                return bot;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/bot";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
