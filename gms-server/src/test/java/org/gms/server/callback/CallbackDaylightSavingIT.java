package org.gms.server.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.callback.Callbacks.created;
import static org.gms.server.callback.Callbacks.object;
import static org.gms.server.callback.Callbacks.record;
import static org.gms.server.callback.Callbacks.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.TestServers;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Availability and scheduling on the days clocks change, in three zones (one in the southern hemisphere): hour
 * buckets walked as instants give 23 slots the day clocks go forward and 25 the day they go back, and a callback
 * booked in the repeated hour takes a place in that slot only.
 */
class CallbackDaylightSavingIT {

    private static final List<String> ZONES = List.of("Europe/Paris", "America/New_York", "Australia/Sydney");

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(CallbackDaylightSavingIT::zones);

    private final HttpTestClient http = gms.http();

    private static TestServers zones(TestServers builder) {
        for (String zone : ZONES) {
            String hours = "service.hours-" + name(zone);
            builder.option(hours, "_type", "builtin").option(hours, "_service", "office-hours")
                    .option(hours, "_timezone", zone).option(hours, "_bh_regular1", "Mon-Sun 00:00-24:00");
            Callbacks.service(builder, "cb-" + name(zone), "_business_hours_service", "hours-" + name(zone),
                    "_request_time_bucket", "60", "_max_request_by_time_bucket", "2",
                    "_reject_future_desired_time", "1y");
        }
        return builder;
    }

    private static String name(String zone) {
        return zone.substring(zone.indexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
    }

    @ParameterizedTest(name = "{0} {1}: {2} slots")
    @CsvSource({
        "Europe/Paris, 2027-03-28, 23", "Europe/Paris, 2027-10-31, 25",
        "America/New_York, 2027-03-14, 23", "America/New_York, 2027-11-07, 25",
        "Australia/Sydney, 2027-10-03, 23", "Australia/Sydney, 2027-04-04, 25"})
    void should_walk_the_local_day_as_instants_when_clocks_change(String zone, LocalDate day, int slots) {
        ZoneId id = ZoneId.of(zone);
        Instant start = day.atStartOfDay(id).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(id).toInstant();
        String service = "cb-" + name(zone);

        List<Map<String, Object>> before = slots(service, start, end);
        // a slot next to the change: one or two hours after local midnight, in or beside the hour that repeats
        Instant repeated = start.plus(Duration.ofHours(slots == 25 ? 2 : 1)).plusSeconds(600);
        String id1 = created(http, service, Map.of("_customer_number", "5115", "_desired_time", time(repeated)));
        List<Map<String, Object>> after = slots(service, start, end);

        assertThat(before).hasSize(slots);
        assertThat(Duration.between(start, end)).isEqualTo(Duration.ofHours(slots));
        for (int index = 1; index < before.size(); index++) {
            assertThat(Instant.parse((String) before.get(index).get("utcTime")))
                    .isEqualTo(Instant.parse((String) before.get(index - 1).get("utcTime")).plus(Duration.ofHours(1)));
        }
        assertThat(record(http, id1)).containsEntry("_desired_time", time(repeated));
        int booked = 0;
        for (int index = 0; index < after.size(); index++) {
            int free = ((Number) after.get(index).get("capacity")).intValue();
            if (free < 2) {
                booked++;
                assertThat(after.get(index).get("utcTime")).isEqualTo(time(repeated.minusSeconds(600)));
            }
        }
        assertThat(booked).isEqualTo(1);
    }

    private List<Map<String, Object>> slots(String service, Instant start, Instant end) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> slots = (List<Map<String, Object>>) object(http.get("/2/service/callback/"
                + service + "/availability?start=" + time(start) + "&end=" + time(end) + "&report-busy=true"))
                .get("slots");
        return slots;
    }
}
