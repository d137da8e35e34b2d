package org.gms.server.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.callback.Callbacks.array;
import static org.gms.server.callback.Callbacks.created;
import static org.gms.server.callback.Callbacks.json;
import static org.gms.server.callback.Callbacks.object;
import static org.gms.server.callback.Callbacks.record;
import static org.gms.server.callback.Callbacks.service;
import static org.gms.server.callback.Callbacks.state;
import static org.gms.server.callback.Callbacks.time;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.security.auth.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The callback admin API over HTTP: queues with their filters, watermarks (the cases of Genesys' QA table), bulk
 * cancel, the export of cancelled callbacks, and who may use them.
 */
class CallbackAdminIT {

    static final String CB = "cb_admin";
    static final String WINDOW = "cb_window";
    static final String EXPORT = "cb_export";
    static final String FILTERED = "cb_gms-5158_imm";
    static final String PROCESSING_QUEUE = "VQ_ADMIN_PROCESSING";
    static final int WATERMARK_CASES = 14;

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> {
        builder.option("callback", "filter-keys", "_service_type")
                .option("callback", "returned-keys", "_service_type");
        service(builder, CB, "_request_execution_time_buffer", "30", "_reject_past_desired_time", "3600");
        service(builder, WINDOW, "_request_execution_time_buffer", "30");
        service(builder, EXPORT);
        service(builder, FILTERED, "_urs_virtual_queue", "SIP_VQ_SIP_Switch");
        for (int index = 1; index <= WATERMARK_CASES; index++) {
            service(builder, Watermarks.service(index, 1), "_request_execution_time_buffer", "30");
            service(builder, Watermarks.service(index, 2), "_request_execution_time_buffer", "30");
        }
        builder.user("sue", Role.SUPERVISOR, "sue-password")
                .user("al", Role.AGENT, "al-password", PROCESSING_QUEUE);
    });

    private final HttpTestClient http = gms.http();
    private final HttpTestClient admin = http.admin();
    private final HttpTestClient agent = http.as("al", "al-password");

    @Test
    void should_list_a_new_immediate_callback_when_queues_are_asked_with_the_default_window() {
        String now = created(http, CB, Map.of("_customer_number", "5115"));
        String soon = created(http, CB, Map.of("_customer_number", "5115",
                "_desired_time", time(Instant.now().plus(23, ChronoUnit.HOURS))));
        String tooLate = created(http, CB, Map.of("_customer_number", "5115",
                "_desired_time", time(Instant.now().plus(25, ChronoUnit.HOURS))));
        String tooEarly = created(http, CB, Map.of("_customer_number", "5115",
                "_desired_time", time(Instant.now().minus(20, ChronoUnit.MINUTES))));

        HttpResponse<String> answer = admin.get("/1/admin/callback/queues");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Map<String, Object> queues = object(answer);
        assertThat(queues).containsKeys(CB, WINDOW, FILTERED);
        assertThat(ids(queues, CB)).contains(now, soon).doesNotContain(tooLate, tooEarly);
        assertThat(callbacks(queues, CB)).filteredOn(callback -> callback.get("_id").equals(now)).singleElement()
                .satisfies(callback -> assertThat(callback).containsEntry("_service_name", CB)
                        .containsEntry("_callback_state", "QUEUED").containsEntry("_customer_number", "5115")
                        .containsKeys("_desired_time", "_expiration_time", "_url"));
    }

    @Test
    void should_keep_to_the_target_states_window_and_max_when_queues_are_asked_with_them() {
        Instant now = Instant.now();
        String queued = created(http, WINDOW, Map.of("_customer_number", "6101"));
        String inTwoHours = created(http, WINDOW, Map.of("_customer_number", "6102",
                "_desired_time", time(now.plus(2, ChronoUnit.HOURS))));
        String inThreeHours = created(http, WINDOW, Map.of("_customer_number", "6103",
                "_desired_time", time(now.plus(3, ChronoUnit.HOURS))));
        String cancelled = created(http, WINDOW, Map.of("_customer_number", "6104"));
        assertThat(http.delete("/1/service/callback/" + WINDOW + "/" + cancelled).statusCode()).isEqualTo(200);
        created(http, CB, Map.of("_customer_number", "6105"));

        Map<String, Object> target = queues("?target=" + WINDOW);
        Map<String, Object> open = queues("?target=" + WINDOW + "&states=QUEUED,SCHEDULED");
        Map<String, Object> window = queues("?target=" + WINDOW + "&start_time="
                + time(now.plus(90, ChronoUnit.MINUTES)) + "&end_time=" + time(now.plus(150, ChronoUnit.MINUTES)));
        Map<String, Object> firstScheduled = queues("?target=" + WINDOW + "&states=SCHEDULED&max=1");
        Map<String, Object> firstTwo = queues("?target=" + WINDOW + "&max=2");

        assertThat(target).containsOnlyKeys(WINDOW);
        assertThat(ids(target, WINDOW)).containsExactlyInAnyOrder(queued, inTwoHours, inThreeHours, cancelled);
        assertThat(ids(open, WINDOW)).containsExactlyInAnyOrder(queued, inTwoHours, inThreeHours);
        assertThat(ids(window, WINDOW)).containsExactly(inTwoHours);
        assertThat(ids(firstScheduled, WINDOW)).containsExactly(inTwoHours);
        assertThat(ids(firstTwo, WINDOW)).containsExactlyInAnyOrder(queued, cancelled);
        assertThat(admin.get("/1/admin/callback/queues?max=0").statusCode()).isEqualTo(400);
        assertThat(admin.get("/1/admin/callback/queues?start_time=" + time(now) + "&end_time="
                + time(now.minusSeconds(60))).statusCode()).isEqualTo(400);
    }

    @Test
    void should_filter_on_a_filter_key_and_return_it_when_filter_and_returned_keys_name_it() {
        String type = "test" + UUID.randomUUID().toString().substring(0, 8);
        String id = created(http, FILTERED, Map.of("_customer_number", "5115",
                "_urs_virtual_queue", "SIP_VQ_SIP_Switch", "_service_type", type));
        created(http, FILTERED, Map.of("_customer_number", "5115", "_service_type", type + "-other"));
        created(http, CB, Map.of("_customer_number", "5115", "_service_type", type + "-other"));

        Map<String, Object> all = queues("");
        assertThat(callbacks(all, FILTERED)).filteredOn(callback -> callback.get("_id").equals(id)).singleElement()
                .satisfies(callback -> assertThat(callback).containsEntry("_service_type", type));

        String filter = "start_time=" + LocalDate.now(ZoneOffset.UTC) + "T00:00:00.000Z&_service_type=" + type;
        Map<String, Object> filtered = queues("?" + filter);
        int servicesWithCallbacks = 0;
        for (String service : filtered.keySet()) {
            List<Map<String, Object>> found = callbacks(queues("?target=" + service + "&" + filter), service);
            if (!found.isEmpty()) {
                servicesWithCallbacks++;
                assertThat(service).isEqualTo(FILTERED);
                assertThat(found).extracting(callback -> callback.get("_id")).containsExactly(id);
            }
        }
        assertThat(servicesWithCallbacks).isEqualTo(1);
        assertThat(ids(filtered, FILTERED)).containsExactly(id);
    }

    @Test
    void should_ignore_the_contact_center_header_when_the_server_is_not_shared() {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(http.uri("/1/service/callback/" + CB))
                .header("Content-Type", "application/json").header("ContactCenterId", "xxx")
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("_customer_number", "5115")))));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String id = (String) object(answer).get("_id");

        HttpResponse<String> withHeader = admin.send(HttpRequest.newBuilder(admin.uri("/1/admin/callback/queues"))
                .header("ContactCenterId", "xxx").GET());

        assertThat(ids(queues(""), CB)).contains(id);
        assertThat(withHeader.statusCode()).isEqualTo(200);
        assertThat(ids(object(withHeader), CB)).contains(id);
        assertThat(http.delete("/1/service/callback/" + CB + "/" + id).statusCode()).isEqualTo(200);
    }

    /** How a case of the watermark table prepares a service: {@code +15} is queued at once, {@code +200} is not. */
    enum Setup {
        NONE(0), SCHEDULED(200), QUEUED(15), PROCESSING(15), PROCESSING_SOON(5), CANCELLED(200);

        final int seconds;

        Setup(int seconds) {
            this.seconds = seconds;
        }
    }

    /**
     * A case of Genesys' CountCallbackNumberAPITests: the setup of its two services, how many of them it names
     * ({@code service_name} repeated), and the counts it expects (null: absent from the answer).
     */
    record Watermarks(String name, Setup first, Setup second, int named, Integer expectedFirst,
                      Integer expectedSecond, int total) {

        static String service(int index, int which) {
            return String.format("cb_term_sch_gms-3502_%02d_%d", index, which);
        }

        String service(int which) {
            return service(Integer.parseInt(name.substring("test_".length())), which);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Watermarks> watermarkCases() {
        return Stream.of(
                new Watermarks("test_01", Setup.NONE, Setup.NONE, 0, 0, 0, 0),
                new Watermarks("test_02", Setup.NONE, Setup.NONE, 1, 0, null, 0),
                new Watermarks("test_03", Setup.SCHEDULED, Setup.NONE, 0, 0, 0, 0),
                new Watermarks("test_04", Setup.SCHEDULED, Setup.NONE, 1, 0, null, 0),
                new Watermarks("test_05", Setup.QUEUED, Setup.NONE, 1, 1, null, 1),
                new Watermarks("test_06", Setup.PROCESSING, Setup.NONE, 0, 1, 0, 1),
                new Watermarks("test_07", Setup.PROCESSING_SOON, Setup.NONE, 0, 1, 0, 1),
                new Watermarks("test_08", Setup.CANCELLED, Setup.NONE, 1, 0, null, 0),
                new Watermarks("test_09", Setup.QUEUED, Setup.QUEUED, 2, 1, 1, 2),
                new Watermarks("test_10", Setup.SCHEDULED, Setup.QUEUED, 2, 0, 1, 1),
                new Watermarks("test_11", Setup.CANCELLED, Setup.QUEUED, 0, 0, 1, 1),
                new Watermarks("test_12", Setup.CANCELLED, Setup.PROCESSING, 2, 0, 1, 1),
                new Watermarks("test_13", Setup.PROCESSING, Setup.PROCESSING, 0, 1, 1, 2),
                new Watermarks("test_14", Setup.PROCESSING, Setup.PROCESSING, 1, 1, null, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("watermarkCases")
    void should_count_the_queued_and_processing_callbacks_of_each_service_when_watermarks_are_asked(
            Watermarks watermarks) {
        String first = watermarks.service(1);
        String second = watermarks.service(2);
        prepare(first, watermarks.first());
        prepare(second, watermarks.second());
        String query = switch (watermarks.named()) {
            case 0 -> "";
            case 1 -> "?service_name=" + first;
            default -> "?service_name=" + first + "&service_name=" + second;
        };

        HttpResponse<String> answer = admin.get("/1/admin/callback/watermarks" + query);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Map<String, Object> body = object(answer);
        assertThat(body).containsOnlyKeys("services", "total");
        @SuppressWarnings("unchecked")
        Map<String, Object> services = (Map<String, Object>) body.get("services");
        assertThat(services).containsEntry(first, watermarks.expectedFirst());
        if (watermarks.expectedSecond() == null) {
            assertThat(services).doesNotContainKey(second);
        } else {
            assertThat(services).containsEntry(second, watermarks.expectedSecond());
        }
        if (watermarks.named() == 0) {
            // every callback service is counted, the other tests' ones too
            assertThat(services).containsKeys(CB, WINDOW, EXPORT, FILTERED);
            assertThat(body.get("total")).isEqualTo(services.values().stream()
                    .mapToInt(count -> (Integer) count).sum());
        } else {
            assertThat(services).hasSize(watermarks.named());
            assertThat(body.get("total")).isEqualTo(watermarks.total());
        }
    }

    private void prepare(String service, Setup setup) {
        if (setup == Setup.NONE) {
            return;
        }
        String desired = time(Instant.now().plusSeconds(setup.seconds));
        if (setup == Setup.PROCESSING || setup == Setup.PROCESSING_SOON) {
            processing(service, Map.of("_customer_number", "5115", "_desired_time", desired));
            return;
        }
        String id = created(http, service, Map.of("_customer_number", "5115", "_desired_time", desired));
        if (setup == Setup.CANCELLED) {
            assertThat(http.delete("/1/service/callback/" + service + "/" + id).statusCode()).isEqualTo(200);
        } else {
            assertThat(state(http, id)).isEqualTo(setup.name());
        }
    }

    @Test
    void should_cancel_scheduled_and_queued_callbacks_only_when_cancelled_in_bulk() {
        String scheduled = created(http, CB, Map.of("_customer_number", "6201",
                "_desired_time", time(Instant.now().plus(2, ChronoUnit.HOURS))));
        String queued = created(http, CB, Map.of("_customer_number", "6202"));
        String processing = processing(CB, Map.of("_customer_number", "6203"));
        String completed = created(http, CB, Map.of("_customer_number", "6204"));
        assertThat(http.delete("/1/service/callback/" + CB + "/" + completed).statusCode()).isEqualTo(200);
        String unknown = "1-00000000-0000-0000-0000-000000000000";

        HttpResponse<String> answer = admin.postJson("/1/admin/callback/cancel", json(Map.of(
                "reason", "CANCELLED_BY_ADMIN", "ids", List.of(scheduled, queued, processing, completed, unknown))));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(array(answer)).containsExactly(outcome(scheduled, "Ok"), outcome(queued, "Ok"),
                outcome(processing, "FAILURE_MISSING"), outcome(completed, "FAILURE_MISSING"),
                outcome(unknown, "FAILURE_MISSING"));
        for (String id : List.of(scheduled, queued)) {
            assertThat(record(http, id)).containsEntry("_callback_state", "COMPLETED")
                    .containsEntry("_callback_reason", "CANCELLED_BY_ADMIN");
            assertThat(http.delete("/1/service/callback/" + CB + "/" + id).statusCode()).isEqualTo(404);
        }
        assertThat(state(http, processing)).isEqualTo("PROCESSING");
        assertThat(record(http, completed)).containsEntry("_callback_reason", "CANCELLED");
    }

    @Test
    void should_export_one_line_per_callback_cancelled_by_admin_in_range_with_the_properties_in_order() {
        Instant today = Instant.now().truncatedTo(ChronoUnit.HOURS);
        List<String> cancelled = List.of(1, 2, 3, 10).stream().map(days -> created(http, EXPORT,
                Map.of("_customer_number", "6301", "_desired_time", time(today.plus(days, ChronoUnit.DAYS)))))
                .toList();
        String cancelledByCustomer = created(http, EXPORT, Map.of("_customer_number", "6301",
                "_desired_time", time(today.plus(4, ChronoUnit.DAYS))));
        assertThat(http.delete("/1/service/callback/" + EXPORT + "/" + cancelledByCustomer).statusCode())
                .isEqualTo(200);
        String left = created(http, EXPORT, Map.of("_customer_number", "6301",
                "_desired_time", time(today.plus(5, ChronoUnit.DAYS))));
        assertThat(admin.postJson("/1/admin/callback/cancel", json(Map.of("reason", "CANCELLED_BY_ADMIN",
                "ids", cancelled))).statusCode()).isEqualTo(200);
        List<String> properties = List.of("_customer_number", "_service_id", "_callback_reason");

        HttpResponse<String> export = admin.postJson("/1/admin/callback/reportcancelled", json(Map.of(
                "callback_reason", "CANCELLED_BY_ADMIN", "exported_properties", properties)));
        HttpResponse<String> ranged = admin.postJson("/1/admin/callback/reportcancelled", json(Map.of(
                "callback_reason", "CANCELLED_BY_ADMIN", "exported_properties", properties,
                "start_time", time(today.plus(36, ChronoUnit.HOURS)),
                "end_time", time(today.plus(9, ChronoUnit.DAYS)))));

        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv"));
        List<String> lines = export.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("_customer_number,_service_id,_callback_reason");
        List<String[]> rows = lines.stream().skip(1).map(line -> line.split(",", -1)).toList();
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(3).endsWith("CANCELLED_BY_ADMIN"));
        assertThat(rows).extracting(row -> row[1]).doesNotHaveDuplicates()
                .doesNotContain(cancelledByCustomer, left);
        assertThat(rows).filteredOn(row -> row[0].equals("6301")).extracting(row -> row[1])
                .containsExactlyInAnyOrderElementsOf(cancelled);
        long byState = array(http.get("/1/service/callback?_customer_number=6301&_callback_state=COMPLETED"))
                .stream().filter(callback -> "CANCELLED_BY_ADMIN".equals(callback.get("_callback_reason"))).count();
        assertThat(byState).isEqualTo(cancelled.size());

        assertThat(ranged.statusCode()).isEqualTo(200);
        assertThat(ranged.body().lines().skip(1).map(line -> line.split(",", -1)).filter(row -> row[0]
                .equals("6301")).map(row -> row[1])).containsExactlyInAnyOrder(cancelled.get(1), cancelled.get(2));
    }

    @Test
    void should_let_supervisors_but_not_agents_or_anonymous_clients_use_the_admin_api() {
        HttpTestClient supervisor = http.as("sue", "sue-password");
        String id = created(http, CB, Map.of("_customer_number", "6401"));

        HttpResponse<String> agentQueues = agent.get("/1/admin/callback/queues");
        HttpResponse<String> agentCancel = agent.postJson("/1/admin/callback/cancel",
                json(Map.of("ids", List.of(id))));
        HttpResponse<String> supervisorQueues = supervisor.get("/1/admin/callback/queues?target=" + CB);
        HttpResponse<String> supervisorCancel = supervisor.postJson("/1/admin/callback/cancel",
                json(Map.of("reason", "CANCELLED_BY_ADMIN", "ids", List.of(id))));

        assertThat(agentQueues.statusCode()).isEqualTo(403);
        assertThat(object(agentQueues)).containsEntry("message", "Insufficient permissions to perform this operation");
        assertThat(agentCancel.statusCode()).isEqualTo(403);
        assertThat(supervisorQueues.statusCode()).isEqualTo(200);
        assertThat(ids(object(supervisorQueues), CB)).contains(id);
        assertThat(supervisorCancel.statusCode()).as(supervisorCancel.body()).isEqualTo(200);
        assertThat(array(supervisorCancel)).containsExactly(outcome(id, "Ok"));
        assertThat(http.get("/1/admin/callback/queues").statusCode()).isEqualTo(401);
        assertThat(http.get("/1/admin/callback/watermarks").statusCode()).isEqualTo(401);
        assertThat(http.postJson("/1/admin/callback/cancel", json(Map.of("ids", List.of(id)))).statusCode())
                .isEqualTo(401);
    }

    /** Creates a callback due now in the queue of agent {@code al}, who claims it and reaches the customer. */
    private String processing(String service, Map<String, String> body) {
        Map<String, String> inQueue = new LinkedHashMap<>(body);
        inQueue.put("_urs_virtual_queue", PROCESSING_QUEUE);
        String id = created(http, service, inQueue);
        HttpResponse<String> claimed = agent.postForm("/1/agent/callbacks/next", Map.of());
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
        assertThat(object(claimed)).containsEntry("_id", id);
        assertThat(agent.postForm("/1/agent/callbacks/" + id + "/connected", Map.of()).statusCode()).isEqualTo(200);
        assertThat(state(http, id)).isEqualTo("PROCESSING");
        return id;
    }

    private Map<String, Object> queues(String query) {
        HttpResponse<String> answer = admin.get("/1/admin/callback/queues" + query);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return object(answer);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> callbacks(Map<String, Object> queues, String service) {
        assertThat(queues).containsKey(service);
        return (List<Map<String, Object>>) queues.get(service);
    }

    private static List<Object> ids(Map<String, Object> queues, String service) {
        return callbacks(queues, service).stream().map(callback -> callback.get("_id")).toList();
    }

    private static Map<String, Object> outcome(String id, String title) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("_id", id);
        outcome.put("_ok_title", title);
        return outcome;
    }

}
