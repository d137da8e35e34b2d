package org.gms.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gms.core.http.Json;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.security.auth.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /genesys/1/admin/config/services}: the service and chat sections with values, defaults and descriptions,
 * the lists they read, secrets masked and never sent, and administrators only.
 */
class AdminConfigIT {

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builder
            .user("sam", Role.SUPERVISOR, "sam-password")
            .option("callback", "password", "callback-pass-1")
            .option("service.request-interaction", "_type", "builtin")
            .option("service.request-interaction", "_service", "request-interaction")
            .option("service.request-interaction", "_resource_group", "DNIS")
            .option("service.cb", "_type", "builtin")
            .option("service.cb", "_service", "callback")
            .option("service.cb", "_webhook_authorization", "Bearer webhook-secret-2")
            .option("service.cb", "_partner_token", "token-value-3")
            .option("service.cb", "_crm_api_key", "key-value-4")
            .option("service.cb", "_paused_services_list", "Cb_Paused")
            .option("chat.secured", "disable_authentication", "false")
            .option("chat.secured", "password", "chat-pass-5")
            .list("GMS_Resources", Map.of("DNIS", Map.of("8005550101", "", "8005550102", "")))
            .list("Cb_Paused", Map.of("services", Map.of("cb", "true"))));

    private final HttpTestClient http = gms.http();

    @Test
    void should_answer_each_service_section_with_values_defaults_and_descriptions() throws Exception {
        HttpResponse<String> answer = http.admin().get("/1/admin/config/services");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        JsonNode body = Json.MAPPER.readTree(answer.body());
        JsonNode group = option(body, "service.request-interaction", "_resource_group");
        assertThat(group.get("value").asText()).isEqualTo("DNIS");
        assertThat(group.get("set").asBoolean()).isTrue();
        assertThat(group.get("description").asText()).startsWith("Resource group (section of the resources list)");
        JsonNode timeout = option(body, "chat", "chat_session_request_timeout");
        assertThat(timeout.get("set").asBoolean()).isFalse();
        assertThat(timeout.get("value").asText()).isEqualTo(timeout.get("default").asText()).isNotEmpty();
        assertThat(option(body, "chat.secured", "disable_authentication").get("value").asText()).isEqualTo("false");
        assertThat(sectionNames(body)).startsWith("callback", "chat").contains("service.request-interaction",
                "service.cb", "chat.secured");
    }

    @Test
    void should_mask_every_secret_and_never_send_its_value() throws Exception {
        String body = http.admin().get("/1/admin/config/services").body();

        assertThat(body).doesNotContain("callback-pass-1", "webhook-secret-2", "token-value-3", "key-value-4",
                "chat-pass-5");
        JsonNode tree = Json.MAPPER.readTree(body);
        for (String[] secret : new String[][] {{"callback", "password"}, {"service.cb", "_webhook_authorization"},
                {"service.cb", "_partner_token"}, {"service.cb", "_crm_api_key"}, {"chat.secured", "password"}}) {
            JsonNode option = option(tree, secret[0], secret[1]);
            assertThat(option.get("value").asText()).as(secret[1]).isEqualTo("****");
            assertThat(option.get("secret").asBoolean()).as(secret[1]).isTrue();
        }
        assertThat(option(tree, "chat", "password").get("value").asText()).isEmpty();
        assertThat(option(tree, "service.cb", "_service").get("secret").asBoolean()).isFalse();
    }

    @Test
    void should_answer_the_lists_the_services_read() throws Exception {
        JsonNode lists = Json.MAPPER.readTree(http.admin().get("/1/admin/config/services").body()).get("lists");

        JsonNode resources = list(lists, "GMS_Resources");
        assertThat(resources.get("purpose").asText()).isEqualTo("resources");
        assertThat(resources.get("groups").get("DNIS").has("8005550101")).isTrue();
        assertThat(list(lists, "GMS_Patterns").get("present").asBoolean()).isFalse();
        assertThat(list(lists, "Cb_Paused").get("purpose").asText()).isEqualTo("paused-services");
        assertThat(list(lists, "Cb_Paused").get("groups").get("services").get("cb").asText()).isEqualTo("true");
    }

    @Test
    void should_refuse_supervisors_and_unknown_resources() {
        assertThat(http.as("sam", "sam-password").get("/1/admin/config/services").statusCode()).isEqualTo(403);
        assertThat(http.get("/1/admin/config/services").statusCode()).isEqualTo(401);
        assertThat(http.admin().get("/1/admin/config/other").statusCode()).isEqualTo(404);
        assertThat(http.admin().postForm("/1/admin/config/services", Map.of()).statusCode()).isEqualTo(405);
    }

    private static List<String> sectionNames(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.get("sections").forEach(section -> names.add(section.get("name").asText()));
        return names;
    }

    private static JsonNode option(JsonNode body, String section, String name) {
        for (JsonNode candidate : body.get("sections")) {
            if (candidate.get("name").asText().equals(section)) {
                for (JsonNode option : candidate.get("options")) {
                    if (option.get("name").asText().equals(name)) {
                        return option;
                    }
                }
            }
        }
        throw new AssertionError("No option [" + section + "] " + name);
    }

    private static JsonNode list(JsonNode lists, String name) {
        for (JsonNode list : lists) {
            if (list.get("name").asText().equals(name)) {
                return list;
            }
        }
        throw new AssertionError("No list " + name);
    }
}
