package org.gms.server.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.chat.RestChats.body;
import static org.gms.server.chat.RestChats.from;
import static org.gms.server.chat.RestChats.messages;
import static org.gms.server.chat.RestChats.types;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.security.auth.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The agent side of chat over HTTP: the list of an agent's queues, two agents racing to accept, messages and typing
 * as the customer sees them, transfer, leave, the transcript, and the admin views with their role gates.
 */
class AgentChatIT {

    static final String PASSWORD = "agent-password";

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builder
            .option("chat", "chat_session_request_timeout", "600000")
            .option("chat.sales", "_chat_endpoint", "Environment:sales")
            .option("chat.race", "_chat_endpoint", "Environment:race")
            .option("chat.support", "_chat_endpoint", "Environment:support")
            .user("sam", Role.AGENT, PASSWORD, "sales")
            .user("tia", Role.AGENT, PASSWORD, "Environment:support")
            .user("uma", Role.AGENT, PASSWORD, "race")
            .user("vic", Role.AGENT, PASSWORD, "race")
            .user("wes", Role.AGENT, PASSWORD)
            .user("sue", Role.SUPERVISOR, "sue-password"));

    private final HttpTestClient http = gms.http();

    @Test
    @SuppressWarnings("unchecked")
    void should_list_the_waiting_chats_of_the_agents_queues_only() {
        RestChats sales = new RestChats(http, "sales");
        sales.start("Ann", "subject", "pricing", "userData[plan]", "gold");
        RestChats support = new RestChats(http, "support");
        support.start("Bob");

        List<Map<String, Object>> forSam = chats("sam");

        assertThat(ids(forSam)).contains(sales.chatId).doesNotContain(support.chatId);
        assertThat(ids(chats("wes"))).contains(sales.chatId, support.chatId);
        Map<String, Object> listed = forSam.stream().filter(chat -> chat.get("chatId").equals(sales.chatId))
                .findFirst().orElseThrow();
        assertThat(listed).containsEntry("service", "sales").containsEntry("state", "WAITING")
                .containsEntry("nickname", "Ann").containsEntry("subject", "pricing")
                .containsEntry("agentId", "").containsKey("createdAt");
        assertThat((Map<String, Object>) listed.get("userData")).containsEntry("plan", "gold");
    }

    @Test
    void should_let_exactly_one_of_two_racing_agents_accept_a_chat() throws Exception {
        for (int round = 0; round < 5; round++) {
            RestChats chat = new RestChats(http, "race");
            chat.start("Cat" + round);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService racers = Executors.newFixedThreadPool(2);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (String agent : List.of("uma", "vic")) {
                Callable<HttpResponse<String>> accept = () -> {
                    start.await();
                    return agent(agent).postForm("/1/agent/chats/" + chat.chatId + "/accept", Map.of());
                };
                answers.add(racers.submit(accept));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                statuses.add(answer.get(20, TimeUnit.SECONDS).statusCode());
            }
            racers.shutdown();

            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            List<Map<String, Object>> joined = messages(chat.op("refresh", "transcriptPosition", "1")).stream()
                    .filter(event -> event.get("type").equals("ParticipantJoined")
                            && from(event).get("type").equals("Agent")).toList();
            assertThat(joined).hasSize(1);
        }
    }

    @Test
    void should_show_the_customer_the_agent_joining_writing_typing_and_leaving() {
        RestChats chat = new RestChats(http, "support");
        chat.start("Dan", "text", "my order is late");

        Map<String, Object> accepted = body(agent("tia").postForm("/1/agent/chats/" + chat.chatId + "/accept",
                Map.of()));
        assertThat(accepted).containsEntry("state", "ACTIVE").containsEntry("agentId", "tia");
        assertThat(agent("tia").postForm("/1/agent/chats/" + chat.chatId + "/typing", Map.of("typing", "true"))
                .statusCode()).isEqualTo(200);
        Map<String, Object> sent = body(agent("tia").postForm("/1/agent/chats/" + chat.chatId + "/send",
                Map.of("message", "Let me check", "messageType", "text")));
        assertThat(sent).containsEntry("type", "Message").containsEntry("text", "Let me check");
        assertThat(chats("tia")).extracting(listed -> listed.get("chatId")).contains(chat.chatId);

        chat.refresh();
        List<Map<String, Object>> seen = chat.seen;
        Map<String, Object> joined = seen.stream().filter(event -> event.get("type").equals("ParticipantJoined")
                && from(event).get("type").equals("Agent")).findFirst().orElseThrow();
        assertThat(from(joined)).containsEntry("nickname", "tia");
        assertThat(types(seen)).containsSubsequence("ParticipantJoined", "Message", "Notice", "ParticipantJoined",
                "TypingStarted", "Message");

        Map<String, Object> left = body(agent("tia").postForm("/1/agent/chats/" + chat.chatId + "/leave", Map.of()));
        assertThat(left).containsEntry("state", "ENDED");
        Map<String, Object> last = chat.refresh();
        assertThat(last).containsEntry("chatEnded", true);
        assertThat(types(chat.seen)).endsWith("ParticipantLeft", "ParticipantLeft");
        assertThat(from(chat.seen.get(chat.seen.size() - 2))).containsEntry("type", "Agent");
    }

    @Test
    void should_refuse_an_agent_working_a_chat_it_does_not_hold() {
        RestChats chat = new RestChats(http, "sales");
        chat.start("Eve");

        assertThat(agent("tia").postForm("/1/agent/chats/" + chat.chatId + "/accept", Map.of()).statusCode())
                .isEqualTo(409);
        assertThat(agent("sam").postForm("/1/agent/chats/" + chat.chatId + "/send", Map.of("message", "hi"))
                .statusCode()).isEqualTo(409);
        assertThat(agent("sam").postForm("/1/agent/chats/unknown-chat/accept", Map.of()).statusCode())
                .isEqualTo(404);
        HttpResponse<String> refused = agent("sam").postForm("/1/agent/chats/" + chat.chatId + "/send", Map.of());
        assertThat(refused.body()).contains("\"exception\"").contains("\"message\"");
    }

    @Test
    void should_transfer_a_chat_to_a_queue_or_to_an_agent() {
        RestChats chat = new RestChats(http, "sales");
        chat.start("Fay");
        agent("sam").postForm("/1/agent/chats/" + chat.chatId + "/accept", Map.of());

        Map<String, Object> queued = body(agent("sam").postForm("/1/agent/chats/" + chat.chatId + "/transfer",
                Map.of("queue", "Environment:support")));
        assertThat(queued).containsEntry("state", "WAITING").containsEntry("queue", "Environment:support");
        assertThat(ids(chats("tia"))).contains(chat.chatId);
        assertThat(ids(chats("sam"))).doesNotContain(chat.chatId);

        agent("tia").postForm("/1/agent/chats/" + chat.chatId + "/accept", Map.of());
        Map<String, Object> handed = body(agent("tia").postForm("/1/agent/chats/" + chat.chatId + "/transfer",
                Map.of("agent", "wes")));
        assertThat(handed).containsEntry("state", "ACTIVE").containsEntry("agentId", "wes");
        assertThat(body(agent("wes").postForm("/1/agent/chats/" + chat.chatId + "/send",
                Map.of("message", "Wes here")))).containsEntry("text", "Wes here");

        chat.refresh();
        List<String> agents = chat.seen.stream().filter(event -> from(event).get("type").equals("Agent"))
                .map(event -> event.get("type") + ":" + from(event).get("nickname")).toList();
        assertThat(agents).containsExactly("ParticipantJoined:sam", "ParticipantLeft:sam", "ParticipantJoined:tia",
                "ParticipantLeft:tia", "ParticipantJoined:wes", "Message:wes");
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_read_transcripts_back_for_agents_and_supervisors_and_count_chats_per_state() {
        RestChats chat = new RestChats(http, "sales");
        chat.start("Gus", "text", "hello");
        agent("sam").postForm("/1/agent/chats/" + chat.chatId + "/accept", Map.of());

        Map<String, Object> fromTwo = body(agent("sam").get("/1/agent/chats/" + chat.chatId + "/transcript?from=2"));
        assertThat(messages(fromTwo)).extracting(event -> event.get("index")).first().isEqualTo(2);
        assertThat(fromTwo).containsKey("nextPosition");

        Map<String, Object> bySupervisor = body(http.as("sue", "sue-password")
                .get("/1/admin/chat/" + chat.chatId + "/transcript"));
        assertThat(types(messages(bySupervisor))).startsWith("ParticipantJoined", "Message");
        Map<String, Object> stats = body(http.as("sue", "sue-password").get("/1/admin/chat/stats"));
        assertThat((Map<String, Object>) stats.get("states")).containsKeys("WAITING", "ACTIVE", "ENDED");
        assertThat((Integer) ((Map<?, ?>) stats.get("states")).get("ACTIVE")).isGreaterThanOrEqualTo(1);

        assertThat(agent("sam").get("/1/admin/chat/stats").statusCode()).isEqualTo(403);
        assertThat(http.get("/1/agent/chats").statusCode()).isEqualTo(401);
        assertThat(agent("tia").get("/1/agent/chats/" + chat.chatId + "/transcript").statusCode()).isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_list_the_open_chats_by_state_and_count_them_per_queue_for_supervisors() {
        RestChats waiting = new RestChats(http, "support");
        waiting.start("Hal");
        RestChats active = new RestChats(http, "support");
        active.start("Ida");
        agent("tia").postForm("/1/agent/chats/" + active.chatId + "/accept", Map.of());
        HttpTestClient sue = http.as("sue", "sue-password");

        List<Map<String, Object>> all = (List<Map<String, Object>>) body(sue.get("/1/admin/chat/chats"))
                .get("chats");
        List<Map<String, Object>> queued = (List<Map<String, Object>>) body(sue.get(
                "/1/admin/chat/chats?state=WAITING")).get("chats");
        Map<String, Object> stats = body(sue.get("/1/admin/chat/stats"));

        assertThat(ids(all)).contains(waiting.chatId, active.chatId);
        assertThat(ids(queued)).contains(waiting.chatId).doesNotContain(active.chatId);
        assertThat(queued).allMatch(chat -> chat.get("state").equals("WAITING"));
        assertThat(all.stream().filter(chat -> chat.get("chatId").equals(active.chatId)).findFirst().orElseThrow())
                .containsEntry("agentId", "tia").containsEntry("queue", "Environment:support")
                .containsEntry("nickname", "Ida");
        Map<String, Map<String, Integer>> queues = (Map<String, Map<String, Integer>>) stats.get("queues");
        assertThat(queues.get("Environment:support").get("WAITING")).isGreaterThanOrEqualTo(1);
        assertThat(queues.get("Environment:support").get("ACTIVE")).isGreaterThanOrEqualTo(1);
        assertThat(sue.get("/1/admin/chat/chats?state=ENDED").statusCode()).isEqualTo(400);
        assertThat(agent("tia").get("/1/admin/chat/chats").statusCode()).isEqualTo(403);
    }

    private HttpTestClient agent(String name) {
        return http.as(name, PASSWORD);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> chats(String agent) {
        return (List<Map<String, Object>>) body(agent(agent).get("/1/agent/chats")).get("chats");
    }

    private static List<Object> ids(List<Map<String, Object>> chats) {
        return chats.stream().map(chat -> chat.get("chatId")).toList();
    }
}
