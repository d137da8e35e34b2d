package org.gms.server.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.callback.Callbacks.array;
import static org.gms.server.callback.Callbacks.awaitState;
import static org.gms.server.callback.Callbacks.create;
import static org.gms.server.callback.Callbacks.created;
import static org.gms.server.callback.Callbacks.json;
import static org.gms.server.callback.Callbacks.object;
import static org.gms.server.callback.Callbacks.record;
import static org.gms.server.callback.Callbacks.service;
import static org.gms.server.callback.Callbacks.state;
import static org.gms.server.callback.Callbacks.time;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The callback API v1 over HTTP: create, query, update, reschedule, cancel, and the create checks. */
class CallbackApiIT {

    static final String CB = "cb";

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(CallbackApiIT::services);

    private static TestServers services(TestServers builder) {
        builder.option("service.bh_24x7", "_type", "builtin").option("service.bh_24x7", "_service", "office-hours")
                .option("service.bh_24x7", "_bh_regular1", "Mon-Sun 00:00-24:00");
        builder.option("service.weekdays", "_type", "builtin").option("service.weekdays", "_service", "office-hours")
                .option("service.weekdays", "_bh_regular1", "Mon-Fri 00:00-24:00");
        service(builder, CB, "_business_hours_service", "bh_24x7", "_request_execution_time_buffer", "3",
                "_customer_lookup_keys", "_customer_number,CB_SUBSCRIPTION_ID", "_request_time_bucket", "15");
        service(builder, "one-per-slot", "_max_request_by_time_bucket", "1", "_request_time_bucket", "15");
        service(builder, "weekdays-only", "_business_hours_service", "weekdays");
        service(builder, "user-orig", "_call_direction", "USERORIGINATED", "_route_point", "8999@SIP_Switch");
        service(builder, "strict-times", "_reject_past_desired_time", "60", "_reject_future_desired_time", "2d");
        service(builder, "premium", "_disallow_premium_phone_numbers", "true", "_default_country", "US");
        service(builder, "premium-no-country", "_disallow_premium_phone_numbers", "true", "_default_country", "");
        service(builder, "impossible", "_disallow_impossible_phone_numbers", "true", "_default_country", "US");
        service(builder, "impossible-no-country", "_disallow_impossible_phone_numbers", "true",
                "_default_country", "");
        service(builder, "two-keys", "_mandatory_customer_lookup_keys", "_customer_number,_customer_id");
        builder.option("service.not-a-callback", "_type", "builtin")
                .option("service.not-a-callback", "_service", "request-interaction");
        builder.option("service.weekend", "_type", "builtin").option("service.weekend", "_service", "office-hours")
                .option("service.weekend", "_bh_regular1", "Sat-Sun 10:00-12:00");
        builder.option("service.mornings", "_type", "builtin").option("service.mornings", "_service", "office-hours")
                .option("service.mornings", "_bh_regular1", "Mon-Fri 09:00-10:00")
                .option("service.mornings", "_include_regular1", "weekend");
        return service(builder, "mornings-and-weekends", "_business_hours_service", "mornings",
                "_request_time_bucket", "60");
    }

    private final HttpTestClient http = gms.http();

    @Test
    void should_answer_the_confirmation_dialog_and_queue_the_callback_when_it_is_immediate() {
        HttpResponse<String> answer = create(http, CB, Map.of("_customer_number", "5115", "GCS_Note", "WLAN"));

        assertThat(answer.statusCode()).isEqualTo(200);
        Map<String, Object> dialog = object(answer);
        assertThat(dialog).containsEntry("_action", "ConfirmationDialog")
                .containsEntry("_text", "You will receive the call shortly").containsEntry("_ok_title", "Ok")
                .containsEntry("_dialog_id", "0");
        String id = (String) dialog.get("_id");
        assertThat(id).matches("[0-9]+-[0-9a-f-]{36}");
        Map<String, Object> record = record(http, id);
        assertThat(record).containsEntry("_id", id).containsEntry("_service_name", CB)
                .containsEntry("_callback_state", "QUEUED").containsEntry("_customer_number", "5115")
                .containsEntry("GCS_Note", "WLAN").containsKeys("_desired_time", "_expiration_time", "_url");
        assertThat(Long.parseLong((String) record.get("_expiration_time"))).isBetween(86_000L, 86_400L);
        Map<String, Object> instance = object(http.get("/1/service/" + id));
        assertThat(instance).containsEntry("_id", id).containsEntry("_service", CB)
                .containsEntry("GCS_Note", "WLAN");
        assertThat(http.postForm("/1/service/" + id + "/storage", Map.of("note", "call after 5")).statusCode())
                .isEqualTo(200);
        assertThat(object(http.get("/1/service/" + id + "/storage"))).containsEntry("note", "call after 5");
    }

    @Test
    void should_take_a_form_body_as_well_as_json_when_a_callback_is_created() {
        HttpResponse<String> answer = http.postForm("/1/service/callback/" + CB,
                Map.of("_customer_number", "5116", "_subject", "efg"));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(record(http, (String) object(answer).get("_id"))).containsEntry("_subject", "efg");
    }

    @Test
    void should_submit_a_scheduled_callback_at_its_desired_time_less_the_buffer() {
        Instant desired = Instant.now().plusSeconds(6);
        String id = created(http, CB, Map.of("_customer_number", "5117", "_desired_time", time(desired)));

        assertThat(state(http, id)).isEqualTo("SCHEDULED");
        awaitState(http, id, "QUEUED", Duration.ofSeconds(20));
        assertThat(Instant.now()).isAfter(desired.minusSeconds(3).minusMillis(500));
    }

    @Test
    void should_find_callbacks_by_lookup_key_with_negation_and_operand_when_queried_by_properties() {
        String first = created(http, CB, Map.of("_customer_number", "6001", "CB_SUBSCRIPTION_ID", "SUB-1"));
        String second = created(http, CB, Map.of("_customer_number", "6001"));
        assertThat(http.delete("/1/service/callback/" + CB + "/" + second).statusCode()).isEqualTo(200);

        List<Map<String, Object>> open = array(http.get("/1/service/callback?_customer_number=6001"
                + "&_callback_state=!COMPLETED"));
        List<Map<String, Object>> all = array(http.get("/1/service/callback/" + CB + "?_customer_number=6001"));
        List<Map<String, Object>> either = array(http.get("/1/service/callback/" + CB
                + "?CB_SUBSCRIPTION_ID=SUB-1&_customer_number=nobody&operand=OR"));

        assertThat(open).extracting(r -> r.get("_id")).containsExactly(first);
        assertThat(all).extracting(r -> r.get("_id")).containsExactlyInAnyOrder(first, second);
        assertThat(either).extracting(r -> r.get("_id")).containsExactly(first);
        assertThat(http.get("/1/service/callback?_callback_state=QUEUED").statusCode()).isEqualTo(400);
    }

    @Test
    void should_update_user_data_and_remove_a_key_sent_empty_when_a_callback_is_put() {
        Map<String, String> body = Map.of("_customer_number", "5115", "CB_SUBSCRIPTION_ID", "SUB-123456",
                "_desired_time", time(Instant.now().plus(25, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)),
                "_customer_id", "111222333");
        String id = created(http, CB, body);
        assertThat(record(http, id)).containsEntry("CB_SUBSCRIPTION_ID", "SUB-123456");

        Map<String, String> changed = new java.util.HashMap<>(body);
        changed.put("CB_SUBSCRIPTION_ID", "Test");
        assertThat(http.putJson("/1/service/callback/" + CB + "/" + id, json(changed)).statusCode()).isEqualTo(200);
        assertThat(record(http, id)).containsEntry("CB_SUBSCRIPTION_ID", "Test");
        assertThat(array(http.get("/1/service/callback?CB_SUBSCRIPTION_ID=Test"))).hasSize(1);

        changed.put("CB_SUBSCRIPTION_ID", "");
        assertThat(http.putJson("/1/service/callback/" + CB + "/" + id, json(changed)).statusCode()).isEqualTo(200);
        assertThat(record(http, id)).doesNotContainKey("CB_SUBSCRIPTION_ID").containsEntry("_callback_state",
                "SCHEDULED");
    }

    @Test
    void should_move_the_desired_time_when_a_new_desired_time_is_put() {
        Instant first = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String id = created(http, CB, Map.of("_customer_number", "5118", "_desired_time", time(first)));

        Instant second = first.plus(3, ChronoUnit.HOURS);
        HttpResponse<String> answer = http.putJson("/1/service/callback/" + CB + "/" + id,
                json(Map.of("_new_desired_time", time(second))));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(record(http, id)).containsEntry("_desired_time", time(second))
                .containsEntry("_callback_state", "SCHEDULED");
    }

    @Test
    void should_refuse_a_full_slot_with_the_nearby_free_slots_and_free_the_place_when_cancelled() {
        Instant slot = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).plusSeconds(60);
        String first = created(http, "one-per-slot", Map.of("_customer_number", "7001", "_desired_time", time(slot)));

        HttpResponse<String> refused = create(http, "one-per-slot", Map.of("_customer_number", "7002",
                "_desired_time", time(slot.plusSeconds(120))));

        assertThat(refused.statusCode()).isEqualTo(400);
        Map<String, Object> body = object(refused);
        assertThat(body.get("exception")).isEqualTo(
                "com.genesyslab.gsg.services.callback.exceptions.CallbackException");
        assertThat(body.get("message").toString()).contains("is full");
        @SuppressWarnings("unchecked")
        Map<String, Integer> nearby = (Map<String, Integer>) body.get("availability");
        assertThat(nearby).isNotEmpty().doesNotContainKey(time(slot.minusSeconds(60)));

        assertThat(http.delete("/1/service/callback/one-per-slot/" + first).statusCode()).isEqualTo(200);
        assertThat(create(http, "one-per-slot", Map.of("_customer_number", "7002",
                "_desired_time", time(slot.plusSeconds(120)))).statusCode()).isEqualTo(200);
    }

    @Test
    void should_complete_a_cancelled_callback_and_answer_404_to_a_second_cancel_or_an_unknown_id() {
        String id = created(http, CB, Map.of("_customer_number", "5119"));

        assertThat(http.delete("/1/service/callback/" + CB + "/" + id).statusCode()).isEqualTo(200);
        assertThat(record(http, id)).containsEntry("_callback_state", "COMPLETED")
                .containsEntry("_callback_reason", "CANCELLED");
        HttpResponse<String> again = http.delete("/1/service/callback/" + CB + "/" + id);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(object(again)).containsEntry("exception",
                "com.genesyslab.gsg.services.callback.exceptions.CallbackExceptionNotFound");
        assertThat(http.delete("/1/service/callback/" + CB + "/1-00000000-0000-0000-0000-000000000000").statusCode())
                .isEqualTo(404);
        assertThat(http.get("/1/service/callback?_id=1-00000000-0000-0000-0000-000000000000").statusCode())
                .isEqualTo(404);
    }

    @Test
    void should_answer_400_naming_the_keys_when_mandatory_lookup_keys_are_missing() {
        HttpResponse<String> answer = create(http, "two-keys", Map.of("_customer_number", "5115"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(object(answer).get("message").toString()).contains("_customer_id");
    }

    @Test
    void should_apply_the_phone_checks_with_the_messages_of_gms() {
        assertThat(create(http, CB, Map.of("_customer_number", "+19005551234")).statusCode()).isEqualTo(200);
        assertThat(create(http, CB, Map.of("_customer_number", "111")).statusCode()).isEqualTo(200);

        assertNumberRefused("premium", "+19005551234", "Customer Number [+19005551234] is disallowed, because it's a"
                + " premium number. Check option _disallow_premium_phone_numbers");
        assertNumberRefused("premium-no-country", "+19005551234", "Service option premium-no-country /"
                + " _default_country is not configured. But option _disallow_premium_phone_numbers is set. We cannot"
                + " validate phone numbers without knowing the country.");
        assertNumberRefused("impossible", "111", "Customer Number [111] is disallowed, because it is invalid."
                + " Check option _disallow_impossible_phone_numbers");
        assertNumberRefused("impossible-no-country", "111", "Service option impossible-no-country /"
                + " _default_country is not configured. But option _disallow_impossible_phone_numbers is set. We"
                + " cannot validate phone numbers without knowing the country.");
    }

    private void assertNumberRefused(String service, String number, String message) {
        HttpResponse<String> answer = create(http, service, Map.of("_customer_number", number,
                "_urs_virtual_queue", "SIP_VQ_SIP_Switch"));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(object(answer)).containsEntry("exception",
                "com.genesyslab.gsg.services.callback.exceptions.CallbackExceptionNumber")
                .containsEntry("message", message);
    }

    @Test
    void should_refuse_a_desired_time_outside_office_hours_too_old_or_too_far_ahead() {
        LocalDate saturday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        HttpResponse<String> closed = create(http, "weekdays-only", Map.of("_customer_number", "5115",
                "_desired_time", time(saturday.atTime(12, 0).toInstant(ZoneOffset.UTC))));
        HttpResponse<String> old = create(http, "strict-times", Map.of("_customer_number", "5115",
                "_desired_time", time(Instant.now().minusSeconds(600))));
        HttpResponse<String> far = create(http, "strict-times", Map.of("_customer_number", "5115",
                "_desired_time", time(Instant.now().plus(3, ChronoUnit.DAYS))));
        HttpResponse<String> recent = create(http, "strict-times", Map.of("_customer_number", "5115",
                "_desired_time", time(Instant.now().minusSeconds(20))));

        assertThat(closed.statusCode()).isEqualTo(400);
        assertThat(object(closed).get("message").toString()).contains("outside the office hours");
        assertThat(object(closed)).containsKey("availability");
        assertThat(old.statusCode()).isEqualTo(400);
        assertThat(object(old).get("message").toString()).contains("_reject_past_desired_time");
        assertThat(far.statusCode()).isEqualTo(400);
        assertThat(object(far).get("message").toString()).contains("_reject_future_desired_time");
        assertThat(recent.statusCode()).as(recent.body()).isEqualTo(200);
        assertThat(state(http, (String) object(recent).get("_id"))).isEqualTo("QUEUED");
    }

    @Test
    void should_answer_the_dial_number_dialog_when_the_customer_calls_in() {
        Map<String, Object> dialog = object(create(http, "user-orig", Map.of("_customer_number", "5115")));

        assertThat(dialog).containsEntry("_action", "DialNumber").containsEntry("_tel_url", "tel:8999")
                .containsKey("_id");
    }

    @Test
    void should_give_positions_in_the_virtual_queue_when_queue_position_is_checked() {
        String first = created(http, CB, Map.of("_customer_number", "8001", "_urs_virtual_queue", "VQ_positions"));
        String second = created(http, CB, Map.of("_customer_number", "8002", "_urs_virtual_queue", "VQ_positions"));

        Map<String, Object> one = object(http.get("/1/service/" + first + "/check-queue-position"));
        Map<String, Object> two = object(http.get("/1/service/" + second + "/check-queue-position"));

        assertThat(one).containsEntry("_position", 1).containsEntry("_total_waiting", 2)
                .containsEntry("_agent_ready_threshold_passed", true).containsKeys("_eta", "ewt");
        assertThat(two).containsEntry("_position", 2).containsEntry("_total_waiting", 2);
        assertThat(((Number) two.get("ewt")).doubleValue()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void should_list_free_slots_less_bookings_in_both_availability_versions() {
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(10,
                ChronoUnit.HOURS);
        created(http, "one-per-slot", Map.of("_customer_number", "9001", "_desired_time",
                time(start.plusSeconds(300))));

        Map<String, Object> v1 = object(http.get("/1/service/callback/one-per-slot/availability?start="
                + time(start) + "&max-time-slots=3"));
        Map<String, Object> v2 = object(http.get("/2/service/callback/one-per-slot/availability?start="
                + time(start) + "&max-time-slots=3&report-busy=true&timezone=Europe/Paris"));

        assertThat(v1.keySet()).containsExactly(time(start.plusSeconds(900)), time(start.plusSeconds(1800)),
                time(start.plusSeconds(2700)));
        assertThat(v1.values()).containsOnly(1);
        assertThat(v2).containsEntry("durationMin", 15).containsEntry("timezone", "Europe/Paris");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> slots = (List<Map<String, Object>>) v2.get("slots");
        assertThat(slots).hasSize(3);
        assertThat(slots.get(0)).containsEntry("utcTime", time(start)).containsEntry("capacity", 0)
                .containsEntry("total", 1).containsKey("localTime");
    }

    @Test
    void should_offer_the_included_regular_hours_of_another_service_in_availability() {
        LocalDate saturday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        LocalDate monday = saturday.plusDays(2);
        Instant from = saturday.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = monday.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

        Map<String, Object> slots = object(http.get("/1/service/callback/mornings-and-weekends/availability?start="
                + time(from) + "&end=" + time(to)));

        assertThat(slots.keySet()).containsExactly(
                time(saturday.atTime(10, 0).toInstant(ZoneOffset.UTC)),
                time(saturday.atTime(11, 0).toInstant(ZoneOffset.UTC)),
                time(saturday.plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC)),
                time(saturday.plusDays(1).atTime(11, 0).toInstant(ZoneOffset.UTC)),
                time(monday.atTime(9, 0).toInstant(ZoneOffset.UTC)));
    }

    @Test
    void should_refuse_an_unknown_contact_center_only_in_shared_mode() throws Exception {
        assertThat(create(http, CB, Map.of("_customer_number", "5115")).statusCode()).isEqualTo(200);
        gms.reconfigure(builder -> services(builder).option("callback", "contact-center-list", "CCs")
                .list("CCs", Map.of("north", Map.of("name", "North"))));
        try {
            HttpResponse<String> unknown = http.send(java.net.http.HttpRequest.newBuilder(
                            http.uri("/1/service/callback/" + CB)).header("Content-Type", "application/json")
                    .header("ContactCenterId", "test")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"_customer_number\":\"5115\"}")));
            HttpResponse<String> known = http.send(java.net.http.HttpRequest.newBuilder(
                            http.uri("/1/service/callback/" + CB)).header("Content-Type", "application/json")
                    .header("ContactCenterId", "north")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"_customer_number\":\"5115\"}")));

            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(object(unknown)).containsEntry("exception",
                    "com.genesyslab.gsg.services.callback.exceptions.CallbackExceptionNotFound")
                    .containsEntry("message", "Callback Contact Center ID: test is not configured in transaction list.");
            assertThat(known.statusCode()).isEqualTo(200);
        } finally {
            gms.restoreConfig();
        }
    }

    @Test
    void should_answer_404_for_an_unknown_service_and_400_for_a_service_that_is_not_a_callback() {
        assertThat(create(http, "nowhere", Map.of("_customer_number", "5115")).statusCode()).isEqualTo(404);
        assertThat(create(http, "not-a-callback", Map.of("_customer_number", "5115")).statusCode()).isEqualTo(400);
    }
}
