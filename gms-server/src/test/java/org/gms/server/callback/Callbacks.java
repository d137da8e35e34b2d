package org.gms.server.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.gms.server.HttpTestClient;
import org.gms.server.TestServers;

/** Shared set-up of the callback tests: callback services as gms.ini would hold them, and calls of the API. */
public final class Callbacks {

    static final ObjectMapper JSON = new ObjectMapper();
    static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Callbacks() {
    }

    /**
     * A callback service with the phone checks and the in-queue check off (as Genesys' own test templates set
     * them), plus the given options.
     */
    public static TestServers service(TestServers builder, String name, String... options) {
        String section = "service." + name;
        builder.option(section, "_type", "builtin").option(section, "_service", "callback")
                .option(section, "_disallow_impossible_phone_numbers", "false")
                .option(section, "_disallow_premium_phone_numbers", "false")
                .option(section, "_enable_in_queue_checking", "false");
        for (int index = 0; index < options.length; index += 2) {
            builder.option(section, options[index], options[index + 1]);
        }
        return builder;
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> object(HttpResponse<String> response) {
        try {
            return JSON.readValue(response.body(), new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("Not a JSON object: " + response.statusCode() + " " + response.body(), e);
        }
    }

    static List<Map<String, Object>> array(HttpResponse<String> response) {
        try {
            return JSON.readValue(response.body(), new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("Not a JSON array: " + response.statusCode() + " " + response.body(), e);
        }
    }

    /** A built-in office-hours service in UTC open in the given {@code _bh_regular<n>} periods. */
    public static TestServers officeHours(TestServers builder, String name, String... regular) {
        String section = "service." + name;
        builder.option(section, "_type", "builtin").option(section, "_service", "office-hours")
                .option(section, "_timezone", "UTC");
        for (int index = 0; index < regular.length; index++) {
            builder.option(section, "_bh_regular" + (index + 1), regular[index]);
        }
        return builder;
    }

    /** A built-in capacity service in UTC with {@code places} callbacks an hour, every day. */
    public static TestServers hourlyCapacity(TestServers builder, String name, int places) {
        String section = "service." + name;
        return builder.option(section, "_type", "builtin").option(section, "_service", "capacity")
                .option(section, "_timezone", "UTC").option(section, "_capacity", "[Mon-Sun]")
                .option(section, "_capacity_1", hourly(places));
    }

    /** A capacity service's {@code _capacity_<n>} value: the same capacity every hour of the day. */
    public static String hourly(int capacity) {
        StringBuilder hours = new StringBuilder("{\"1\":{");
        for (int hour = 0; hour < 24; hour++) {
            hours.append(hour == 0 ? "" : ",").append(String.format("\"%02d00\":%d", hour, capacity));
        }
        return hours.append("}}").toString();
    }

    public static String time(Instant instant) {
        return WIRE.format(instant);
    }

    static HttpResponse<String> create(HttpTestClient http, String service, Map<String, ?> body) {
        return http.postJson("/1/service/callback/" + service, json(body));
    }

    /** Creates a callback, expecting 200, and returns its id. */
    public static String created(HttpTestClient http, String service, Map<String, ?> body) {
        HttpResponse<String> answer = create(http, service, body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return (String) object(answer).get("_id");
    }

    /** The record of a callback ({@code GET /1/service/callback?_id=}). */
    public static Map<String, Object> record(HttpTestClient http, String id) {
        HttpResponse<String> answer = http.get("/1/service/callback?_id=" + id);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<Map<String, Object>> records = array(answer);
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    static String state(HttpTestClient http, String id) {
        return (String) record(http, id).get("_callback_state");
    }

    static void awaitState(HttpTestClient http, String id, String state, Duration within) {
        Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(state(http, id)).isEqualTo(state));
    }
}
