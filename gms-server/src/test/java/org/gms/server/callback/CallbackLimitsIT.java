package org.gms.server.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.callback.Callbacks.create;
import static org.gms.server.callback.Callbacks.created;
import static org.gms.server.callback.Callbacks.object;
import static org.gms.server.callback.Callbacks.service;
import static org.gms.server.callback.Callbacks.state;
import static org.gms.server.callback.Callbacks.time;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The limits of Genesys' QA suite over HTTP: queued callbacks per service (LimitNumberQueuedCallbacksPerService), the
 * rate windows, the daily parameter throttle and the in-queue check. The rules themselves are replayed row by row
 * in the unit tests of {@code org.gms.callback.rules}; here they run against the shared counters in Cassandra.
 */
class CallbackLimitsIT {

    private static final String UNAVAILABLE =
            "com.genesyslab.gsg.services.callback.exceptions.CallbackExceptionServiceUnavailable";

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> {
        builder.option("callback", "max_queued_callbacks_per_service", "1");
        service(builder, "global-limit");
        service(builder, "service-limit-0", "_max_queued_callbacks_per_service", "0");
        service(builder, "service-limit-1", "_max_queued_callbacks_per_service", "1",
                "_request_execution_time_buffer", "60");
        service(builder, "rate", "_max_queued_callbacks_per_service", "100", "_throttle_callbacks_per_service_1", "2",
                "_throttle_ttl_1", "300", "_request_execution_time_buffer", "60");
        service(builder, "per-number", "_max_queued_callbacks_per_service", "100",
                "_throttle_request_parameters_limit", "2", "_request_execution_time_buffer", "60");
        service(builder, "in-queue", "_max_queued_callbacks_per_service", "100", "_enable_in_queue_checking", "true");
        service(builder, "in-queue-strict", "_max_queued_callbacks_per_service", "100",
                "_enable_in_queue_checking", "strict");
    });

    private final HttpTestClient http = gms.http();

    @Test
    void should_refuse_a_second_queued_callback_with_the_gms_body_when_callback_allows_one() {
        assertThat(create(http, "global-limit", Map.of("_customer_number", "1001")).statusCode()).isEqualTo(200);

        assertLimit(create(http, "global-limit", Map.of("_customer_number", "1002")),
                "Limit of queued callbacks for global-limit is reached.");
    }

    @Test
    void should_refuse_every_immediate_callback_when_the_service_allows_none() {
        assertLimit(create(http, "service-limit-0", Map.of("_customer_number", "1003")),
                "Limit of queued callbacks for service-limit-0 is reached.");
    }

    @Test
    void should_free_the_place_when_the_queued_callback_is_cancelled_and_not_count_scheduled_ones() {
        String queued = created(http, "service-limit-1", Map.of("_customer_number", "1004"));
        assertThat(state(http, queued)).isEqualTo("QUEUED");
        assertLimit(create(http, "service-limit-1", Map.of("_customer_number", "1005")),
                "Limit of queued callbacks for service-limit-1 is reached.");
        String later = time(Instant.now().plusSeconds(180 + 60));
        assertThat(create(http, "service-limit-1", Map.of("_customer_number", "1006", "_desired_time", later))
                .statusCode()).isEqualTo(200);
        assertThat(create(http, "service-limit-1", Map.of("_customer_number", "1007", "_desired_time", later))
                .statusCode()).isEqualTo(200);

        assertThat(http.delete("/1/service/callback/service-limit-1/" + queued).statusCode()).isEqualTo(200);

        assertThat(create(http, "service-limit-1", Map.of("_customer_number", "1008")).statusCode()).isEqualTo(200);
    }

    @Test
    void should_count_callbacks_submitted_at_creation_in_the_rate_window_and_not_later_ones() {
        assertThat(create(http, "rate", Map.of("_customer_number", "2001")).statusCode()).isEqualTo(200);
        // inside the 60 s execution buffer: submitted at once, so counted
        assertThat(create(http, "rate", Map.of("_customer_number", "2002",
                "_desired_time", time(Instant.now().plusSeconds(30)))).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = create(http, "rate", Map.of("_customer_number", "2003"));
        // scheduled beyond the buffer: not counted, so still accepted
        HttpResponse<String> later = create(http, "rate", Map.of("_customer_number", "2004",
                "_desired_time", time(Instant.now().plusSeconds(300))));

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(object(refused)).containsEntry("exception", UNAVAILABLE);
        assertThat(object(refused).get("message").toString())
                .contains("Limit of queued callbacks for rate is reached for interval 300s.");
        assertThat(later.statusCode()).isEqualTo(200);
    }

    @Test
    void should_refuse_a_number_asked_more_than_the_limit_today_and_let_a_header_value_win() {
        assertThat(create(http, "per-number", Map.of("_customer_number", "5115")).statusCode()).isEqualTo(200);
        assertThat(create(http, "per-number", Map.of("_customer_number", "5115")).statusCode()).isEqualTo(200);
        HttpResponse<String> third = create(http, "per-number", Map.of("_customer_number", "5115"));
        HttpResponse<String> other = create(http, "per-number", Map.of("_customer_number", "5125"));
        HttpResponse<String> byHeader = http.send(HttpRequest.newBuilder(http.uri("/1/service/callback/per-number"))
                .header("Content-Type", "application/json").header("_customer_number", "5115")
                .POST(HttpRequest.BodyPublishers.ofString("{\"_customer_number\":\"5135\"}")));

        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(object(third).get("message")).isEqualTo("Callback for _customer_number=5115 rejected because"
                + " previous callbacks for this parameter were requested for more than 2 times today.");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(byHeader.statusCode()).isEqualTo(503);
    }

    @Test
    void should_refuse_a_third_unfinished_callback_of_a_number_or_a_second_when_strict() {
        created(http, "in-queue", Map.of("_customer_number", "3001"));
        created(http, "in-queue", Map.of("_customer_number", "3001",
                "_desired_time", time(Instant.now().plusSeconds(3600))));
        HttpResponse<String> third = create(http, "in-queue", Map.of("_customer_number", "3001"));
        created(http, "in-queue-strict", Map.of("_customer_number", "3002"));
        HttpResponse<String> second = create(http, "in-queue-strict", Map.of("_customer_number", "3002"));

        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(object(third)).containsEntry("exception", UNAVAILABLE);
        assertThat(second.statusCode()).isEqualTo(503);
    }

    private static void assertLimit(HttpResponse<String> answer, String message) {
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(object(answer)).containsEntry("exception", UNAVAILABLE).containsEntry("message", message);
    }
}
