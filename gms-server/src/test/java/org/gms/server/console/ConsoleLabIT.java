package org.gms.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.gms.core.http.Json;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.security.auth.Role;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;

/**
 * The Nodes and Configured Services views and Lab > Sample in a real browser: suspend and resume a node, read a
 * service's options with their descriptions and a masked secret, and run the customer-side scenarios (a chat with an
 * agent answering live, a number to dial with its access code, an immediate and a scheduled callback).
 */
class ConsoleLabIT {

    private static final String SECRET = "lab-webhook-secret";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    @Order(1)
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builder
            .user("ada", Role.ADMINISTRATOR, "ada-password")
            .user("ali", Role.AGENT, "ali-password")
            .option("server", "enable-sample", "true")
            .option("chat", "chat_session_request_timeout", "600000")
            .list("GMS_Resources", Map.of("DNIS", Map.of("_allocation_strategy", "CLUSTER",
                    "number0", "8005550101", "number1", "8005550102")))
            .option("service.request-interaction", "_type", "builtin")
            .option("service.request-interaction", "_service", "request-interaction")
            .option("service.request-interaction", "_resource_group", "DNIS")
            .option("service.request-interaction", "_provide_code", "true")
            .option("service.always-open", "_type", "builtin")
            .option("service.always-open", "_service", "office-hours")
            .option("service.always-open", "_bh_regular1", "Mon-Sun 00:00-24:00")
            .option("service.callback-sample", "_type", "builtin")
            .option("service.callback-sample", "_service", "callback")
            .option("service.callback-sample", "_business_hours_service", "always-open")
            .option("service.callback-sample", "_request_time_bucket", "15")
            .option("service.callback-sample", "_webhook_authorization", SECRET));

    @RegisterExtension
    @Order(2)
    static final Browser browser = Browser.of(() -> gms.server().localUri());

    private final HttpTestClient http = gms.http();

    @Test
    void should_suspend_and_resume_the_node_from_the_nodes_view() {
        browser.login("ada", "ada-password");
        browser.open("/home/#/nodes");
        assertThat(browser.awaitText("#node-1", "Online").getText()).contains("development");

        browser.click("#node-1-suspend");
        browser.click("#node-confirm");

        browser.await("#node-1-resume");
        assertThat(browser.text("#node-1-status")).isEqualTo("Suspended");
        assertThat(http.get("/1/node").statusCode()).isEqualTo(503);
        browser.click("#node-1-resume");
        browser.await("#node-1-suspend");
        assertThat(http.get("/1/node").body()).isEqualTo("ONLINE");
        assertThat(browser.text("#node-1-status")).isEqualTo("Online");
    }

    @Test
    void should_show_each_option_with_its_description_and_a_secret_masked_in_the_services_view() {
        browser.login("ada", "ada-password");
        browser.open("/home/#/services");

        String group = "#config-service_request-interaction tr[data-option=_resource_group]";
        assertThat(browser.awaitText(group + " td.value", "DNIS").getText()).isEqualTo("DNIS");
        assertThat(browser.text(group + " td.description")).startsWith("Resource group (section of the resources list)");
        String secret = "#config-service_callback-sample tr[data-option=_webhook_authorization] td.value";
        assertThat(browser.text(secret)).contains("****");
        assertThat(browser.driver().getPageSource()).doesNotContain(SECRET);
        assertThat(browser.text("#list-GMS_Resources")).contains("8005550101");

        browser.type("#services-filter", "_provide_code");
        browser.awaitGone("#config-service_callback-sample");
        assertThat(browser.text("#config-service_request-interaction")).contains("_provide_code");
    }

    @Test
    void should_chat_as_a_customer_and_show_the_agent_answer_live_in_the_sample() throws Exception {
        openScenario("chat");
        browser.type("#chat-nickname", "Jo");
        browser.click("#chat-start");

        browser.awaitText("#chat-transcript", "Hello, I have a question.");
        browser.await("#chat-transcript li[data-type=ParticipantJoined]");
        assertThat(browser.text("#chat-raw")).contains("\"operation\": \"requestChat\"", "secureKey");
        HttpTestClient agent = http.as("ali", "ali-password");
        String chatId = await().atMost(WAIT).until(() -> waitingChat(agent, "Jo"), Optional::isPresent).get();
        assertThat(agent.postForm("/1/agent/chats/" + chatId + "/accept", Map.of()).statusCode()).isEqualTo(200);
        agent.postForm("/1/agent/chats/" + chatId + "/send", Map.of("message", "Hi Jo, agent here"));

        browser.awaitText("#chat-transcript", "Hi Jo, agent here");
        browser.type("#chat-message", "Where is my order?");
        browser.click("#chat-send");
        browser.awaitText("#chat-transcript", "Where is my order?");
        await().atMost(WAIT).until(() -> agent.get("/1/agent/chats/" + chatId + "/transcript").body()
                .contains("Where is my order?"));
    }

    @Test
    void should_show_the_number_to_dial_and_its_access_code_in_the_sample() {
        openScenario("interaction");
        browser.click("#ri-connect");

        assertThat(browser.awaitText("#ri-number", "800555").getText()).matches("800555010[12]");
        assertThat(browser.text("#ri-code")).matches("1[0-9]{5}");
        assertThat(browser.text("#ri-raw")).contains("POST /genesys/1/service/request-interaction", "HTTP 200",
                "_access_code");
    }

    @Test
    void should_book_an_immediate_and_a_scheduled_callback_in_the_sample() {
        openScenario("callback");
        browser.type("#cb-number", "+16175551234");
        browser.click("#cb-submit");

        assertThat(browser.awaitText("#cb-id", "1-").getText()).matches("1-[0-9a-f-]{36}");
        assertThat(browser.text("#cb-raw")).contains("\"_customer_number\": \"+16175551234\"", "HTTP 200");

        browser.click("#cb-later");
        browser.click("#cb-find");
        browser.awaitText("#cb-raw", "availability");
        await().atMost(WAIT).until(() -> browser.find("#cb-slot:enabled").isPresent());
        Select slot = new Select(browser.await("#cb-slot"));
        slot.selectByIndex(1);
        String desired = slot.getFirstSelectedOption().getDomAttribute("value");
        browser.click("#cb-submit");
        browser.awaitText("#cb-raw", "\"_desired_time\": \"" + desired + "\"");
        await().atMost(WAIT).until(() -> http.get("/1/service/callback/callback-sample?_customer_number=%2B16175551234")
                .body().contains(desired.substring(0, 16)));
    }

    private static void openScenario(String name) {
        browser.open("/home/sample/index.html");
        new Select(browser.await("#scenario")).selectByValue(name);
        browser.await("#scenario-" + name);
    }

    private static Optional<String> waitingChat(HttpTestClient agent, String nickname) throws Exception {
        for (JsonNode chat : Json.MAPPER.readTree(agent.get("/1/agent/chats").body()).get("chats")) {
            if (chat.get("nickname").asText().equals(nickname) && chat.get("state").asText().equals("WAITING")) {
                return Optional.of(chat.get("chatId").asText());
            }
        }
        return Optional.empty();
    }
}
