package org.gms.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.MockOrs;
import org.gms.server.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code _type=ors} services: forwarded to in-process Orchestration Servers, their answers relayed. */
class OrsServicesIT {

    static final String ORS_DOWN = "{\"exception\":\"com.genesyslab.gsg.services.ors.OrsServiceException\","
            + "\"message\":\"ORS request failed: cannot connect to ORS. IO issue.\"}";
    static final MockOrs FIRST = MockOrs.start("first");
    static final MockOrs SECOND = MockOrs.start("second");
    static final String CLOSED = MockOrs.closedUrl();

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> {
        builder.option("ors", "_ors", SECOND.url());
        ors(builder, "hello", "hello", "_ors", FIRST.url(), "_ors_lb_strategy", "linear", "_ttl", "3600");
        ors(builder, "hello-down", "hello", "_ors", CLOSED);
        ors(builder, "hello-default", "hello");
        ors(builder, "busy", "busy", "_ors", FIRST.url());
        ors(builder, "linear-pair", "linear-pair", "_ors", FIRST.url() + "," + SECOND.url(),
                "_ors_lb_strategy", "linear");
        ors(builder, "circular-pair", "circular-pair", "_ors", FIRST.url() + "," + SECOND.url(),
                "_ors_lb_strategy", "circular");
        ors(builder, "linear-one-down", "linear-one-down", "_ors", CLOSED + "," + FIRST.url(),
                "_ors_lb_strategy", "linear");
        ors(builder, "circular-one-down", "circular-one-down", "_ors", CLOSED + "," + SECOND.url(),
                "_ors_lb_strategy", "circular");
    });

    private final HttpTestClient http = gms.http();

    @AfterAll
    static void stopOrs() {
        FIRST.close();
        SECOND.close();
    }

    static void ors(TestServers builder, String name, String application, String... options) {
        String section = "service." + name;
        builder.option(section, "_type", "ors").option(section, "_service", application);
        for (int index = 0; index < options.length; index += 2) {
            builder.option(section, options[index], options[index + 1]);
        }
    }

    @Test
    void should_relay_the_answer_of_ors_when_an_ors_service_is_posted() {
        HttpResponse<String> answer = http.postForm("/1/service/hello", Map.of("first_name", "Ada"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"msg\":\"hello\"}");
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/json;charset=utf-8");
        assertThat(FIRST.starts("hello")).singleElement().satisfies(start -> {
            assertThat(start.method()).isEqualTo("POST");
            assertThat(start.contentType()).startsWith("application/x-www-form-urlencoded");
            assertThat(start.parameters()).containsEntry("first_name", "Ada").containsEntry("_ttl", "3600");
        });
    }

    @Test
    void should_answer_the_gms_500_when_no_ors_answers() {
        HttpResponse<String> answer = http.postForm("/1/service/hello-down", Map.of("first_name", "Ada"));

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).isEqualTo(ORS_DOWN);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/json;charset=utf-8");
    }

    @Test
    void should_use_the_ors_section_when_the_service_names_no_ors() {
        HttpResponse<String> answer = http.postForm("/1/service/hello-default", Map.of("first_name", "Bob"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"msg\":\"hello\"}");
        assertThat(SECOND.starts("hello")).singleElement()
                .satisfies(start -> assertThat(start.parameters()).containsEntry("first_name", "Bob"));
    }

    @Test
    void should_relay_the_status_and_body_when_ors_refuses_the_session() {
        HttpResponse<String> answer = http.postForm("/1/service/busy", Map.of());

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).isEqualTo("{\"error\":\"busy\"}");
    }

    @Test
    void should_send_every_request_to_the_first_ors_when_linear() {
        postTimes("linear-pair", 4);

        assertThat(FIRST.starts("linear-pair")).hasSize(4);
        assertThat(SECOND.starts("linear-pair")).isEmpty();
    }

    @Test
    void should_share_the_requests_out_in_turn_when_circular() {
        postTimes("circular-pair", 4);

        assertThat(FIRST.starts("circular-pair")).hasSize(2);
        assertThat(SECOND.starts("circular-pair")).hasSize(2);
    }

    @Test
    void should_answer_from_the_next_ors_when_the_first_one_is_down_whatever_the_strategy() {
        postTimes("linear-one-down", 3);
        postTimes("circular-one-down", 3);

        assertThat(FIRST.starts("linear-one-down")).hasSize(3);
        assertThat(SECOND.starts("circular-one-down")).hasSize(3);
    }

    private void postTimes(String service, int times) {
        for (int request = 0; request < times; request++) {
            HttpResponse<String> answer = http.postForm("/1/service/" + service, Map.of("n", "" + request));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).startsWith("{\"sessionid\":");
        }
    }
}
