package org.gms.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.service.ServiceTestSupport.builtin;
import static org.gms.server.service.ServiceTestSupport.group;
import static org.gms.server.service.ServiceTestSupport.object;
import static org.gms.server.service.ServiceTestSupport.post;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InteractionServicesIT {

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> {
        builder.option("server", "access_code_prefix", "45")
                .list("GMS_Resources", Map.of(
                        "DNIS", group("CLUSTER", 30, "7100001", "7100002", "7100003"),
                        "CODED", group("CLUSTER", 30, "7100010"),
                        "SHARED", group("RANDOM", 30, "7100020"),
                        "SINGLE", group("CLUSTER", 30, "7100030"),
                        "LOCAL", group("LOCAL", 30, "7100040"),
                        "BACKED", Map.of("_allocation_strategy", "CLUSTER", "only", "7100050",
                                "_backup_resource", "7100059")));
        builtin(builder, "request-interaction", "request-interaction");
        builtin(builder, "request-access", "request-access");
        builtin(builder, "match-interaction", "match-interaction");
        builtin(builder, "coded", "request-interaction", "_resource_group", "CODED", "_provide_code", "true");
    });

    private final HttpTestClient http = gms.http();

    @Test
    void should_hand_out_a_pool_number_as_strings_when_request_interaction_is_posted() {
        HttpResponse<String> answer = post(http, "/1/service/request-interaction", null, "first_name", "Ada");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        Map<String, Object> body = object(answer);
        assertThat(body).containsOnlyKeys("_id", "_access_number", "_expiration_time");
        assertThat((String) body.get("_id")).matches("45-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(body.get("_access_number")).isIn("7100001", "7100002", "7100003");
        // remaining seconds of the 30 s booking, as a string (the first request of a JVM may be slow)
        assertThat(Integer.parseInt((String) body.get("_expiration_time"))).isBetween(20, 30);
    }

    @Test
    void should_match_the_instance_once_and_release_the_number_when_match_interaction_is_posted() {
        Map<String, Object> created = object(post(http, "/1/service/request-interaction", null,
                "first_name", "Grace", "_resource_group", "SINGLE"));
        assertThat(created.get("_access_number")).isEqualTo("7100030");

        HttpResponse<String> matched = post(http, "/1/service/match-interaction", null, "_access_number", "7100030",
                "_return_user_data", "true");
        assertThat(matched.statusCode()).isEqualTo(200);
        assertThat(object(matched)).containsEntry("_id", created.get("_id")).containsEntry("_data_id", created.get("_id"))
                .containsEntry("first_name", "Grace");

        HttpResponse<String> again = post(http, "/1/service/match-interaction", null, "_access_number", "7100030");
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(object(again)).containsEntry("message", "No match for access number [7100030]");
        assertThat(post(http, "/1/service/request-interaction", null, "_resource_group", "SINGLE").statusCode())
                .isEqualTo(200);
        post(http, "/1/service/match-interaction", null, "_access_number", "7100030");
    }

    @Test
    void should_generate_a_prefixed_code_and_match_only_with_it_when_codes_are_provided() {
        Map<String, Object> first = object(post(http, "/1/service/coded", null));
        Map<String, Object> second = object(post(http, "/1/service/coded", null));
        assertThat(first.get("_access_number")).isEqualTo(second.get("_access_number")).isEqualTo("7100010");
        assertThat((String) first.get("_access_code")).matches("45\\d{4}");
        assertThat(first.get("_access_code")).isNotEqualTo(second.get("_access_code"));

        assertThat(post(http, "/1/service/match-interaction", null, "_access_number", "7100010", "_access_code",
                "999999").statusCode()).isEqualTo(404);
        Map<String, Object> matched = object(post(http, "/1/service/match-interaction", null,
                "_access_number", "7100010", "_access_code", (String) second.get("_access_code")));
        assertThat(matched.get("_id")).isEqualTo(second.get("_id"));
        post(http, "/1/service/match-interaction", null, "_access_number", "7100010");
    }

    @Test
    void should_answer_400_naming_the_parameter_when_the_code_length_leaves_no_digit_after_the_prefix() {
        HttpResponse<String> answer = post(http, "/1/service/coded", null, "_access_code_length", "2");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(object(answer)).containsEntry("exception", "com.genesyslab.gsg.GSGException")
                .containsEntry("message", "Parameter [_access_code_length] 2 leaves no digit after the access code"
                        + " prefix [45]: use at least 3");
    }

    @Test
    void should_return_every_holder_when_multiple_matches_are_asked_for_a_shared_number() {
        Map<String, Object> first = object(post(http, "/1/service/request-interaction", null,
                "_resource_group", "SHARED"));
        Map<String, Object> second = object(post(http, "/1/service/request-interaction", null,
                "_resource_group", "SHARED"));
        HttpResponse<String> answer = post(http, "/1/service/match-interaction", null, "_access_number", "7100020",
                "_return_multiple_matches", "true");
        assertThat(answer.statusCode()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> matches = (List<Map<String, Object>>) object(answer).get("matches");
        assertThat(matches).extracting(match -> match.get("_id")).containsExactlyInAnyOrder(first.get("_id"),
                second.get("_id"));
    }

    @Test
    void should_answer_the_newest_holder_after_a_retry_when_two_bookings_match() {
        Map<String, Object> older = object(post(http, "/1/service/request-interaction", null,
                "_resource_group", "SHARED", "_phone_number", "+15550001"));
        Map<String, Object> newer = object(post(http, "/1/service/request-interaction", null,
                "_resource_group", "SHARED", "_phone_number", "+15550001"));
        long started = System.nanoTime();
        Map<String, Object> matched = object(post(http, "/1/service/match-interaction", null,
                "_access_number", "7100020", "_phone_number", "+1 555 0001"));
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(500_000_000L);
        assertThat(matched.get("_id")).isEqualTo(newer.get("_id")).isNotEqualTo(older.get("_id"));
        post(http, "/1/service/match-interaction", null, "_access_number", "7100020", "_return_multiple_matches",
                "true");
    }

    @Test
    void should_add_a_number_to_an_instance_when_request_access_names_it() {
        Map<String, Object> created = object(post(http, "/1/service/request-interaction", null, "_resource_group",
                "LOCAL"));
        HttpResponse<String> access = post(http, "/1/service/request-access", null, "_id", (String) created.get("_id"));
        assertThat(access.statusCode()).isEqualTo(200);
        assertThat(object(access)).containsEntry("_id", created.get("_id")).containsKeys("_access_number",
                "_expiration_time");

        Map<String, Object> described = object(http.get("/1/service/" + created.get("_id")));
        assertThat(described).containsEntry("_service", "request-interaction");
        assertThat((List<?>) described.get("_access_resources")).hasSize(2);

        assertThat(post(http, "/1/service/request-access", null).statusCode()).isEqualTo(400);
        assertThat(post(http, "/1/service/request-access", null, "_id", "1-missing").statusCode()).isEqualTo(404);
        http.delete("/1/service/" + created.get("_id"));
    }

    @Test
    void should_describe_the_instance_with_its_own_id_and_expiry_when_parameters_use_those_names() {
        Map<String, Object> created = object(post(http, "/1/service/request-interaction", null, "_resource_group",
                "LOCAL", "_id", "forged", "_expiration_time", "999", "_service", "other", "first_name", "Ada"));

        Map<String, Object> described = object(http.get("/1/service/" + created.get("_id")));

        assertThat(described.get("_id")).isEqualTo(created.get("_id")).isNotEqualTo("forged");
        assertThat(described).containsEntry("_service", "request-interaction").containsEntry("first_name", "Ada");
        assertThat(described.get("_expiration_time")).isNotEqualTo("999");
        http.delete("/1/service/" + created.get("_id"));
    }

    @Test
    void should_release_its_numbers_when_an_instance_is_deleted() {
        Map<String, Object> created = object(post(http, "/1/service/request-interaction", null,
                "_resource_group", "LOCAL"));
        assertThat(post(http, "/1/service/request-interaction", null, "_resource_group", "LOCAL").statusCode())
                .isEqualTo(503);

        assertThat(http.delete("/1/service/" + created.get("_id")).statusCode()).isEqualTo(200);
        assertThat(http.get("/1/service/" + created.get("_id")).statusCode()).isEqualTo(404);
        assertThat(http.delete("/1/service/" + created.get("_id")).statusCode()).isEqualTo(404);
        Map<String, Object> again = object(post(http, "/1/service/request-interaction", null,
                "_resource_group", "LOCAL"));
        assertThat(again.get("_access_number")).isEqualTo("7100040");
        http.delete("/1/service/" + again.get("_id"));
    }

    @Test
    void should_answer_503_then_hand_out_the_backup_when_a_pool_is_exhausted() {
        assertThat(object(post(http, "/1/service/request-interaction", null, "_resource_group", "BACKED"))
                .get("_access_number")).isEqualTo("7100050");
        assertThat(object(post(http, "/1/service/request-interaction", null, "_resource_group", "BACKED"))
                .get("_access_number")).isEqualTo("7100059");

        HttpResponse<String> exhausted = post(http, "/1/service/request-interaction", null,
                "_resource_group", "SINGLE");
        post(http, "/1/service/request-interaction", null, "_resource_group", "SINGLE");
        HttpResponse<String> refused = post(http, "/1/service/request-interaction", null, "_resource_group", "SINGLE");
        assertThat(exhausted.statusCode()).isIn(200, 503);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).isEqualTo("{\"exception\":\"org.gms.storage.error.ServiceUnavailableException\","
                + "\"message\":\"No more resources available in group [SINGLE]\"}");
        post(http, "/1/service/match-interaction", null, "_access_number", "7100030");
    }
}
