package org.gms.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.chat.RestChats;
import org.gms.server.security.auth.Role;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The Agent Desk and the Chat view in a real browser, against a real server: a customer chats over REST with an
 * agent working in the console (accept, messages both ways live, typing both ways, a file, leave), an accept lost
 * to another agent, the callbacks of the agent's queue, and a supervisor watching the chats and reading one.
 */
class ConsoleAgentIT {

    static final String PASSWORD = "agent-password";
    static final String CALLBACKS = "cb_desk";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    @Order(1)
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builder
            .option("chat", "chat_session_request_timeout", "600000")
            .option("chat.desk", "_chat_endpoint", "Environment:desk")
            .option("service." + CALLBACKS, "_type", "builtin")
            .option("service." + CALLBACKS, "_service", "callback")
            .option("service." + CALLBACKS, "_disallow_impossible_phone_numbers", "false")
            .option("service." + CALLBACKS, "_disallow_premium_phone_numbers", "false")
            .option("service." + CALLBACKS, "_enable_in_queue_checking", "false")
            .user("ali", Role.AGENT, PASSWORD, "desk", CALLBACKS)
            .user("bea", Role.AGENT, PASSWORD, "desk")
            .user("sue", Role.SUPERVISOR, "sue-password"));

    @RegisterExtension
    @Order(2)
    static final Browser browser = Browser.of(() -> gms.server().localUri());

    private final HttpTestClient http = gms.http();

    @Test
    void should_let_an_agent_accept_a_chat_and_talk_with_the_customer_live(@TempDir Path folder) throws IOException {
        RestChats customer = new RestChats(http, "desk");
        customer.start("Dana", "subject", "Late order", "text", "Hello, anyone?");
        browser.login("ali", PASSWORD);
        browser.awaitText("#agent-waiting", "Dana");

        browser.click("#accept-" + customer.chatId);
        browser.awaitText("#agent-transcript", "Hello, anyone?");
        assertThat(browser.text("#agent-chat-title")).contains("Dana");

        browser.type("#agent-message", "Hi Dana, let me look.");
        browser.click("#agent-send");
        awaitCustomerSees(customer, event -> "Message".equals(event.get("type"))
                && "Hi Dana, let me look.".equals(event.get("text")));
        assertThat(customer.seen).anyMatch(event -> "TypingStarted".equals(event.get("type"))
                && "Agent".equals(RestChats.from(event).get("type")));

        customer.op("startTyping", "message", "Where");
        browser.awaitText("#agent-typing", "Dana is typing");
        customer.op("send", "message", "Where is my parcel?");
        browser.awaitText("#agent-transcript", "Where is my parcel?");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), WAIT)
                .until(driver -> browser.text("#agent-transcript").contains("parcel")
                        && driver.findElement(By.id("agent-typing")).getText().isEmpty());

        Path file = folder.resolve("label.txt");
        Files.writeString(file, "tracking 42");
        browser.driver().findElement(By.id("agent-file")).sendKeys(file.toAbsolutePath().toString());
        browser.click("#agent-upload");
        Map<String, Object> uploaded = awaitCustomerSees(customer, event -> "FileUploaded".equals(event.get("type")));
        String fileId = (String) data(uploaded).get("file-id");
        assertThat(data(uploaded)).containsEntry("file-name", "label.txt");
        HttpResponse<String> downloaded = http.postForm("/2/chat/desk/" + customer.chatId + "/file/" + fileId
                + "/download", Map.of("secureKey", customer.secureKey));
        assertThat(downloaded.body()).isEqualTo("tracking 42");
        String href = browser.await("#agent-transcript a.file-link").getDomAttribute("href");
        assertThat(browser.script("return fetch(arguments[0]).then(answer => answer.text())", href))
                .isEqualTo("tracking 42");

        browser.click("#agent-leave");
        browser.awaitText("#agent-chat-state", "no longer in this chat");
        awaitCustomerSees(customer, event -> "ParticipantLeft".equals(event.get("type"))
                && "ali".equals(RestChats.from(event).get("nickname")));
        assertThat(customer.refresh()).containsEntry("chatEnded", true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_transfer_a_chat_to_another_agent_and_put_it_off_the_desk() {
        RestChats customer = new RestChats(http, "desk");
        customer.start("Ivo");
        browser.login("ali", PASSWORD);
        browser.click("#accept-" + customer.chatId);
        browser.await("#open-" + customer.chatId);

        browser.click("#agent-transfer");
        browser.type("#transfer-agent", "bea");
        browser.click("#transfer-confirm");

        browser.awaitGone("#open-" + customer.chatId);
        List<Map<String, Object>> beas = (List<Map<String, Object>>) parse(http.as("bea", PASSWORD)
                .get("/1/agent/chats").body(), new TypeReference<Map<String, Object>>() { }).get("chats");
        assertThat(beas).anyMatch(chat -> customer.chatId.equals(chat.get("chatId"))
                && "bea".equals(chat.get("agentId")));
        awaitCustomerSees(customer, event -> "ParticipantJoined".equals(event.get("type"))
                && "bea".equals(RestChats.from(event).get("nickname")));
    }

    @Test
    void should_say_so_when_another_agent_accepted_the_chat_first() {
        RestChats customer = new RestChats(http, "desk");
        customer.start("Eli");
        browser.login("ali", PASSWORD);
        browser.await("#accept-" + customer.chatId);
        // the page hears nothing more: the chat stays offered although the other agent takes it. The long poll
        // already sent still answers: a second chat flushes it, and the next one is refused
        block("*/genesys/cometd*");
        try {
            RestChats flush = new RestChats(http, "desk");
            flush.start("Flo");
            browser.await("#accept-" + flush.chatId);
            assertThat(http.as("bea", PASSWORD).postForm("/1/agent/chats/" + customer.chatId + "/accept", Map.of())
                    .statusCode()).isEqualTo(200);

            browser.click("#accept-" + customer.chatId);

            assertThat(browser.awaitText("#agent-waiting-notice", "Another agent").getText()).contains("Eli");
            browser.awaitGone("#accept-" + customer.chatId);
        } finally {
            block();
        }
    }

    @Test
    void should_remove_a_waiting_chat_from_the_list_as_soon_as_another_agent_accepts_it() {
        RestChats customer = new RestChats(http, "desk");
        browser.login("ali", PASSWORD);
        browser.await("#agent-waiting");
        customer.start("Fay");
        browser.await("#accept-" + customer.chatId);
        Object accepted = browser.script("return performance.now()");

        http.as("bea", PASSWORD).postForm("/1/agent/chats/" + customer.chatId + "/accept", Map.of());

        browser.awaitGone("#accept-" + customer.chatId);
        // the agent channel told the page: the list's slow refresh did not run in between
        assertThat(browser.script("return performance.getEntriesByType('resource').filter(entry => entry.startTime"
                + " > arguments[0] && entry.name.endsWith('/genesys/1/agent/chats')).length", accepted))
                .isEqualTo(0L);
    }

    @Test
    void should_work_the_callbacks_of_the_agents_queue_next_connected_complete_and_retry() {
        String first = callback("5550101");
        String second = callback("5550102");
        browser.login("ali", PASSWORD);
        browser.awaitText("#agent-callbacks", "5550102");

        browser.click("#callback-next");
        assertThat(browser.awaitText("#callback-state", "ROUTING").getText()).isEqualTo("ROUTING");
        assertThat(browser.text("#callback-number")).isEqualTo("5550101");
        browser.click("#callback-connected");
        browser.awaitText("#callback-state", "PROCESSING");
        browser.type("#callback-reason", "AGENT_CONNECTED");
        browser.click("#callback-complete");
        browser.awaitGone("#callback-state");
        assertThat(record(first)).containsEntry("_callback_state", "COMPLETED")
                .containsEntry("_callback_reason", "AGENT_CONNECTED");

        browser.click("#callback-next");
        browser.awaitText("#callback-number", "5550102");
        browser.click("#callback-retry");
        browser.awaitGone("#callback-state");
        assertThat(record(second)).containsEntry("_callback_state", "SCHEDULED");
        browser.awaitText("#agent-callbacks", "No callback");
    }

    @Test
    void should_show_a_supervisor_the_counts_the_open_chats_and_a_live_transcript() {
        RestChats waiting = new RestChats(http, "desk");
        waiting.start("Gil", "text", "Is the shop open?");
        RestChats active = new RestChats(http, "desk");
        active.start("Hana");
        http.as("bea", PASSWORD).postForm("/1/agent/chats/" + active.chatId + "/accept", Map.of());
        browser.login("sue", "sue-password");
        browser.open("/home/#/chat");

        browser.await("tr[data-chat-id='" + waiting.chatId + "']");
        assertThat(Integer.parseInt(browser.text("#chat-count-WAITING .count"))).isGreaterThanOrEqualTo(1);
        assertThat(Integer.parseInt(browser.text("#chat-count-ACTIVE .count"))).isGreaterThanOrEqualTo(1);
        assertThat(browser.text("tr[data-chat-id='" + active.chatId + "']")).contains("Hana", "bea");
        assertThat(browser.text("tr[data-queue='Environment:desk']")).startsWith("Environment:desk");

        browser.click("#transcript-" + waiting.chatId);
        browser.awaitText("#chat-transcript", "Is the shop open?");
        waiting.op("send", "message", "Hello again");
        browser.awaitText("#chat-transcript", "Hello again");
    }

    /** Makes the browser refuse requests to URLs matching the patterns; none: it refuses nothing again. */
    private static void block(String... patterns) {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of(patterns)));
    }

    private Map<String, Object> awaitCustomerSees(RestChats customer,
                                                  java.util.function.Predicate<Map<String, Object>> wanted) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            customer.refresh();
            return customer.seen.stream().filter(wanted).findFirst().orElse(null);
        }, found -> found != null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> event) {
        return (Map<String, Object>) event.get("userData");
    }

    private String callback(String number) {
        HttpResponse<String> created = http.postJson("/1/service/callback/" + CALLBACKS,
                "{\"_customer_number\":\"" + number + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return (String) parse(created.body(), new TypeReference<Map<String, Object>>() { }).get("_id");
    }

    private Map<String, Object> record(String id) {
        HttpResponse<String> answer = http.get("/1/service/callback?_id=" + id);
        return parse(answer.body(), new TypeReference<List<Map<String, Object>>>() { }).get(0);
    }

    private static <T> T parse(String body, TypeReference<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Not the JSON expected: " + body, e);
        }
    }
}
