package org.gms.server.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.callback.Callbacks.array;
import static org.gms.server.callback.Callbacks.awaitState;
import static org.gms.server.callback.Callbacks.create;
import static org.gms.server.callback.Callbacks.created;
import static org.gms.server.callback.Callbacks.record;
import static org.gms.server.callback.Callbacks.service;
import static org.gms.server.callback.Callbacks.time;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.MockOrs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code _execution=ors}: callbacks start SCXML sessions on an in-process Orchestration Server. */
class OrsExecutionIT {

    static final String ORS_DOWN = "{\"exception\":\"com.genesyslab.gsg.services.ors.OrsServiceException\","
            + "\"message\":\"ORS request failed: cannot connect to ORS. IO issue.\"}";
    static final MockOrs ORS = MockOrs.start("ors1");
    static final String CLOSED = MockOrs.closedUrl();

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> {
        service(builder, "cb-ors", "_ors", ORS.url(), "_urs_virtual_queue", "SIP_VQ");
        service(builder, "cb-ors-down", "_ors", CLOSED);
        service(builder, "cb-ors-later", "_ors", ORS.url(), "_request_execution_time_buffer", "2");
    });

    private final HttpTestClient http = gms.http();

    @AfterAll
    static void stopOrs() {
        ORS.close();
    }

    @Test
    void should_queue_the_callback_with_the_session_id_of_ors_when_ors_starts_its_session() {
        String id = created(http, "cb-ors", Map.of("_customer_number", "5115", "GCS_Note", "WLAN"));

        Map<String, Object> stored = record(http, id);
        List<MockOrs.Received> starts = ORS.starts("callback").stream()
                .filter(start -> id.equals(start.parameters().get("_id"))).toList();
        assertThat(starts).hasSize(1);
        assertThat(stored).containsEntry("_callback_state", "QUEUED");
        assertThat((String) stored.get("_ors_session_id")).startsWith("ors1-");
        MockOrs.Received start = starts.get(0);
        assertThat(start.method()).isEqualTo("POST");
        assertThat(start.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(start.parameters()).containsEntry("_service_name", "cb-ors")
                .containsEntry("_customer_number", "5115").containsEntry("GCS_Note", "WLAN")
                .containsEntry("_urs_virtual_queue", "SIP_VQ").containsEntry("_ors", ORS.url())
                .containsKeys("_desired_time", "_url");
    }

    @Test
    void should_answer_the_gms_500_and_complete_the_callback_when_no_ors_answers_an_immediate_create() {
        HttpResponse<String> answer = create(http, "cb-ors-down", Map.of("_customer_number", "5551"));

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).isEqualTo(ORS_DOWN);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/json;charset=utf-8");
        List<Map<String, Object>> records = array(http.get("/1/service/callback/cb-ors-down?_customer_number=5551"));
        assertThat(records).singleElement().satisfies(failed -> assertThat(failed)
                .containsEntry("_callback_state", "COMPLETED").containsEntry("_callback_reason", "SUBMIT_FAILED"));
    }

    @Test
    void should_terminate_the_ors_session_when_a_queued_callback_is_cancelled() {
        String id = created(http, "cb-ors", Map.of("_customer_number", "5116"));
        String session = (String) record(http, id).get("_ors_session_id");

        assertThat(http.delete("/1/service/callback/cb-ors/" + id).statusCode()).isEqualTo(200);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ORS.received())
                .anySatisfy(request -> assertThat(request.path())
                        .isEqualTo("/scxml/session/" + session + "/terminate")));
        assertThat(record(http, id)).containsEntry("_callback_state", "COMPLETED")
                .containsEntry("_callback_reason", "CANCELLED");
    }

    @Test
    void should_start_the_session_of_a_scheduled_callback_when_its_submission_time_comes() {
        String id = created(http, "cb-ors-later", Map.of("_customer_number", "5117",
                "_desired_time", time(Instant.now().plusSeconds(6))));

        assertThat(record(http, id)).containsEntry("_callback_state", "SCHEDULED");
        awaitState(http, id, "QUEUED", Duration.ofSeconds(20));
        assertThat((String) record(http, id).get("_ors_session_id")).startsWith("ors1-");
        assertThat(ORS.starts("callback")).anySatisfy(start -> assertThat(start.parameters())
                .containsEntry("_id", id));
    }
}
