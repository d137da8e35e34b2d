package org.gms.server.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.callback.Callbacks.created;
import static org.gms.server.callback.Callbacks.object;
import static org.gms.server.callback.Callbacks.service;
import static org.gms.server.callback.Callbacks.time;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.security.auth.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /genesys/1/admin/callback/capacity}: every slot of a callback service's next days with its capacity,
 * the callbacks booked in it and whether the office is open, for the console's capacity chart.
 */
class CallbackCapacityIT {

    static final String CB = "cb_capacity";

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> {
        Callbacks.officeHours(builder, "bh_days", "Mon-Sun 09:00-17:00");
        Callbacks.hourlyCapacity(builder, "cap_3", 3);
        service(builder, CB, "_business_hours_service", "bh_days", "_capacity_service", "cap_3",
                "_request_time_bucket", "60");
        builder.user("sue", Role.SUPERVISOR, "sue-password").user("al", Role.AGENT, "al-password");
    });

    private final HttpTestClient http = gms.http();

    @Test
    @SuppressWarnings("unchecked")
    void should_answer_each_slot_of_the_next_days_with_its_capacity_bookings_and_office_hours() {
        Instant tomorrowTen = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);
        created(http, CB, Map.of("_customer_number", "5115", "_desired_time", time(tomorrowTen)));
        created(http, CB, Map.of("_customer_number", "5116", "_desired_time", time(tomorrowTen.plusSeconds(600))));

        HttpResponse<String> answer = http.as("sue", "sue-password").get("/1/admin/callback/capacity?target=" + CB);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Map<String, Object> body = object(answer);
        assertThat(body).containsEntry("target", CB).containsEntry("timezone", "UTC").containsEntry("durationMin", 60)
                .containsEntry("start", time(LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC)));
        List<Map<String, Object>> slots = (List<Map<String, Object>>) body.get("slots");
        assertThat(slots).hasSize(7 * 24);
        assertThat(slots).filteredOn(slot -> (Boolean) slot.get("open")).hasSize(7 * 8)
                .allSatisfy(slot -> assertThat(slot).containsEntry("capacity", 3));
        assertThat(slots).filteredOn(slot -> !(Boolean) slot.get("open"))
                .allSatisfy(slot -> assertThat(slot).containsEntry("capacity", 0).containsEntry("booked", 0));
        assertThat(slots).filteredOn(slot -> slot.get("start").equals(time(tomorrowTen))).singleElement()
                .satisfies(slot -> assertThat(slot).containsEntry("end", time(tomorrowTen.plusSeconds(3600)))
                        .containsEntry("booked", 2).containsEntry("open", true));
        assertThat(slots.stream().mapToInt(slot -> (Integer) slot.get("booked")).sum()).isEqualTo(2);
    }

    @Test
    void should_answer_as_many_days_as_asked_up_to_a_month() {
        HttpResponse<String> one = http.admin().get("/1/admin/callback/capacity?target=" + CB + "&days=1");

        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        assertThat((List<?>) object(one).get("slots")).hasSize(24);
        assertThat(http.admin().get("/1/admin/callback/capacity?target=" + CB + "&days=32").statusCode())
                .isEqualTo(400);
        assertThat(http.admin().get("/1/admin/callback/capacity?target=" + CB + "&days=0").statusCode())
                .isEqualTo(400);
    }

    @Test
    void should_refuse_a_missing_or_unknown_service_and_agents() {
        assertThat(http.admin().get("/1/admin/callback/capacity").statusCode()).isEqualTo(400);
        assertThat(http.admin().get("/1/admin/callback/capacity?target=nope").statusCode()).isEqualTo(404);
        assertThat(http.admin().get("/1/admin/callback/capacity?target=cap_3").statusCode()).isEqualTo(400);
        assertThat(http.as("al", "al-password").get("/1/admin/callback/capacity?target=" + CB).statusCode())
                .isEqualTo(403);
    }
}
