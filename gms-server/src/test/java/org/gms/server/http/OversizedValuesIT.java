package org.gms.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Values too large for Cassandra (a 64 KiB key, a mutation over 4 MiB) are the client's fault: 413, not 500. */
class OversizedValuesIT {

    private static final String TOO_LARGE = "org.gms.storage.error.PayloadTooLargeException";
    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builder
            .option("push", "pushEnabled", "comet")
            .option("service.request-interaction", "_type", "builtin")
            .option("service.request-interaction", "_service", "request-interaction")
            .option("service.request-interaction", "_resource_group", "ONE")
            .list("GMS_Resources", Map.of("ONE", Map.of("_allocation_strategy", "CLUSTER", "only", "7300001"))));

    private final HttpTestClient http = gms.http();

    @Test
    void should_answer_413_and_keep_the_number_free_when_service_parameters_are_too_large() {
        HttpResponse<String> refused = http.postForm("/1/service/request-interaction",
                Map.of("first_name", "a".repeat(5_000_000)));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
        assertThat(refused.body()).startsWith("{\"exception\":\"" + TOO_LARGE + "\"");

        HttpResponse<String> accepted = http.postForm("/1/service/request-interaction", Map.of("first_name", "Ada"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.body()).contains("\"_access_number\":\"7300001\"");
    }

    @Test
    void should_answer_400_naming_the_limit_when_a_subscription_filter_is_longer_than_a_cassandra_key() {
        HttpResponse<String> answer = subscribe("f".repeat(70_000));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"exception\":\"com.genesyslab.gsg.GSGException\","
                + "\"message\":\"Parameter [filter] is too long: at most 512 characters\"}");
    }

    @Test
    void should_answer_413_when_a_published_message_is_larger_than_a_cassandra_mutation() {
        assertThat(subscribe("large.news").statusCode()).isEqualTo(200);
        HttpResponse<String> answer = http.postJson("/1/notification/publish",
                "{\"tag\":\"large.news\",\"message\":\"" + "m".repeat(5_000_000) + "\",\"mediaType\":\"string\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.body()).startsWith("{\"exception\":\"" + TOO_LARGE + "\"");
    }

    private HttpResponse<String> subscribe(String filter) {
        return http.send(HttpRequest.newBuilder(http.uri("/1/notification/subscription"))
                .header("Content-Type", "application/json").header("gms_user", "ann")
                .POST(HttpRequest.BodyPublishers.ofString("{\"subscriberId\":\"ann-phone\",\"notificationDetails\":"
                        + "{\"deviceId\":\"web\",\"type\":\"comet\"},\"filter\":\"" + filter + "\"}")));
    }
}
