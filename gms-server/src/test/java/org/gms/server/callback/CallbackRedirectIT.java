package org.gms.server.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.callback.Callbacks.array;
import static org.gms.server.callback.Callbacks.json;
import static org.gms.server.callback.Callbacks.object;
import static org.gms.server.callback.Callbacks.record;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.MockOrs;
import org.gms.server.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code _redirect} of a callback service, ported from Genesys' SupportURLRewritingTests (GMS-4302): the create
 * answers what the named service answers, {@code _overwritable_options} decides whether the request's
 * {@code _redirect} counts, and a request value {@code ""} unsets it.
 */
class CallbackRedirectIT {

    static final String CUSTOMER = "5115";
    static final String DNIS_NUMBER = "7300001";
    static final MockOrs ORS = MockOrs.start("redirect");

    enum Body { JSON, URLENC }

    /** What the create answers: ORS's {@code hello}, the built-in request-interaction, or a callback. */
    enum Result { HELLO, RI, CB }

    /**
     * One case of the table: {@code overwritable} and {@code configured} are the service's
     * {@code _overwritable_options} and {@code _redirect} ({@code null}: option absent), {@code requested} the
     * request's {@code _redirect} ({@code null}: not sent).
     */
    record Case(String name, String overwritable, String configured, Body body, String requested, Result result) {

        String service() {
            return "cb_" + name;
        }

        @Override
        public String toString() {
            return name + ": _overwritable_options=" + shown(overwritable) + " _redirect=" + shown(configured)
                    + " " + body + " body _redirect=" + shown(requested) + " -> " + result;
        }

        private static String shown(String value) {
            return value == null ? "(absent)" : "\"" + value + "\"";
        }
    }

    static final String OW = "_redirect";
    static final String HELLO = "hello";
    static final String RI = "request-interaction";

    static final List<Case> CASES = List.of(
            new Case("test_01", OW, HELLO, Body.JSON, null, Result.HELLO),
            new Case("test_02", OW, HELLO, Body.JSON, RI, Result.RI),
            new Case("test_03", OW, HELLO, Body.JSON, "", Result.CB),
            new Case("test_04", null, HELLO, Body.JSON, "", Result.HELLO),
            new Case("test_05", null, HELLO, Body.JSON, null, Result.HELLO),
            new Case("test_06", OW, null, Body.JSON, null, Result.CB),
            new Case("test_07", "", HELLO, Body.JSON, RI, Result.HELLO),
            new Case("test_08", OW, "", Body.JSON, null, Result.CB),
            new Case("test_09", OW, null, Body.JSON, RI, Result.RI),
            new Case("test_10", OW, HELLO, Body.URLENC, null, Result.HELLO),
            new Case("test_11", OW, HELLO, Body.URLENC, "", Result.CB),
            new Case("test_12", OW, HELLO, Body.URLENC, RI, Result.RI),
            new Case("test_13", OW, null, Body.URLENC, "", Result.CB),
            new Case("test_14", OW, "", Body.URLENC, RI, Result.RI),
            new Case("test_15", "", HELLO, Body.URLENC, null, Result.HELLO),
            new Case("test_16", OW, "", Body.URLENC, "", Result.CB),
            new Case("test_17", null, HELLO, Body.URLENC, RI, Result.HELLO),
            new Case("test_18", "", HELLO, Body.URLENC, "", Result.HELLO));

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(CallbackRedirectIT::services);

    private static TestServers services(TestServers builder) {
        // the two services GMS' test suite redirects to
        builder.option("service.hello", "_type", "ors").option("service.hello", "_service", "hello")
                .option("service.hello", "_ors", ORS.url()).option("service.hello", "_ors_lb_strategy", "linear")
                .option("service.hello", "_ttl", "3600");
        builder.option("service.request-interaction", "_type", "builtin")
                .option("service.request-interaction", "_service", "request-interaction")
                .option("service.request-interaction", "_provide_code", "false")
                .option("service.request-interaction", "_resource_group", "DNIS")
                .option("service.request-interaction", "_ttl", "30")
                .list("GMS_Resources", Map.of("DNIS", Map.of("_allocation_strategy", "RANDOM",
                        "_booking_expiration_timeout", "30", "number0", DNIS_NUMBER)));
        for (Case example : CASES) {
            callbackService(builder, example.service());
            if (example.overwritable() != null) {
                builder.option("service." + example.service(), "_overwritable_options", example.overwritable());
            }
            if (example.configured() != null) {
                builder.option("service." + example.service(), "_redirect", example.configured());
            }
        }
        callbackService(builder, "cb_to_nowhere").option("service.cb_to_nowhere", "_redirect", "nowhere");
        callbackService(builder, "cb_to_callback").option("service.cb_to_callback", "_redirect", "cb_target");
        callbackService(builder, "cb_target");
        callbackService(builder, "cb_loop_a").option("service.cb_loop_a", "_redirect", "cb_loop_b");
        callbackService(builder, "cb_loop_b").option("service.cb_loop_b", "_redirect", "cb_loop_a");
        return builder;
    }

    /** A callback service as GMS' templates make it ({@code _type=ors}), executed by our queue (no ORS set). */
    private static TestServers callbackService(TestServers builder, String name) {
        String section = "service." + name;
        return builder.option(section, "_type", "ors").option(section, "_service", "callback")
                .option(section, "_disallow_impossible_phone_numbers", "false")
                .option(section, "_disallow_premium_phone_numbers", "false")
                .option(section, "_enable_in_queue_checking", "false");
    }

    private final HttpTestClient http = gms.http();

    @AfterAll
    static void stopOrs() {
        ORS.close();
    }

    static Stream<Case> cases() {
        return CASES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void should_answer_what_the_effective_redirect_names_when_a_callback_is_created(Case example) {
        int helloStarts = ORS.starts("hello").size();

        HttpResponse<String> answer = create(example);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/json;charset=utf-8");
        switch (example.result()) {
            case HELLO -> {
                assertThat(answer.body()).isEqualTo("{\"msg\":\"hello\"}");
                List<MockOrs.Received> starts = ORS.starts("hello");
                assertThat(starts).hasSize(helloStarts + 1);
                assertThat(starts.get(starts.size() - 1).parameters()).containsEntry("_customer_number", CUSTOMER)
                        .containsEntry("_ttl", "3600");
                assertNoCallbackIn(example.service());
            }
            case RI -> {
                assertThat(object(answer)).containsEntry("_access_number", DNIS_NUMBER)
                        .containsKeys("_id", "_expiration_time");
                assertThat(ORS.starts("hello")).hasSize(helloStarts);
                assertNoCallbackIn(example.service());
            }
            default -> {
                Map<String, Object> dialog = object(answer);
                assertThat(dialog).containsEntry("_text", "You will receive the call shortly");
                assertThat(record(http, (String) dialog.get("_id")))
                        .containsEntry("_service_name", example.service())
                        .containsEntry("_customer_number", CUSTOMER);
                assertThat(ORS.starts("hello")).hasSize(helloStarts);
            }
        }
    }

    @Test
    void should_answer_the_404_of_the_service_api_when_the_redirect_names_no_service() {
        HttpResponse<String> answer = http.postForm("/1/service/callback/cb_to_nowhere",
                Map.of("_customer_number", CUSTOMER));
        HttpResponse<String> direct = http.postForm("/1/service/nowhere", Map.of("_customer_number", CUSTOMER));

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(object(answer)).containsEntry("message", "Service [nowhere] is not configured");
        assertThat(answer.body()).isEqualTo(direct.body());
        assertNoCallbackIn("cb_to_nowhere");
    }

    @Test
    void should_create_the_callback_in_the_named_service_when_the_redirect_names_a_callback_service() {
        HttpResponse<String> answer = http.postJson("/1/service/callback/cb_to_callback",
                json(Map.of("_customer_number", CUSTOMER)));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(record(http, (String) object(answer).get("_id"))).containsEntry("_service_name", "cb_target");
        assertNoCallbackIn("cb_to_callback");
    }

    @Test
    void should_answer_500_naming_the_service_when_redirects_go_round_in_a_loop() {
        HttpResponse<String> answer = http.postJson("/1/service/callback/cb_loop_a",
                json(Map.of("_customer_number", CUSTOMER)));

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat((String) object(answer).get("message"))
                .startsWith("Service [cb_loop_a] redirects more than 5 times");
        assertNoCallbackIn("cb_loop_a");
        assertNoCallbackIn("cb_loop_b");
    }

    private HttpResponse<String> create(Case example) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("_customer_number", CUSTOMER);
        if (example.requested() != null) {
            body.put("_redirect", example.requested());
        }
        String path = "/1/service/callback/" + example.service();
        return example.body() == Body.JSON ? http.postJson(path, json(body)) : http.postForm(path, body);
    }

    private void assertNoCallbackIn(String service) {
        assertThat(array(http.get("/1/service/callback/" + service + "?_customer_number=" + CUSTOMER))).isEmpty();
    }
}
