package org.gms.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.service.ServiceTestSupport.array;
import static org.gms.server.service.ServiceTestSupport.builtin;
import static org.gms.server.service.ServiceTestSupport.object;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CalendarServicesIT {

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> {
        builder.clock(Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC));
        builtin(builder, "hours", "office-hours", "_timezone", "America/New_York",
                "_bh_regular1", "Mon-Fri 9:00-17:00", "_bh_regular2", "Sat 22:00-2:00");
        builtin(builder, "capacity", "capacity", "_timezone", "Europe/Paris", "_capacity", "[Mon-Sun]",
                "_capacity_1", "{\"1\":{\"0900\":3,\"1000\":2}}");
        builtin(builder, "fine-grained", "capacity", "_capacity", "[Mon-Sun]", "_capacity_1", "{\"0900\":1}",
                "_request_time_bucket", "5");
        builtin(builder, "too-much", "capacity", "_capacity", "[Mon]", "_capacity_1", "{\"0900\":1001}");
        builtin(builder, "broken-hours", "office-hours", "_bh_regular1", "Someday 9:00-17:00");
    });

    private final HttpTestClient http = gms.http();

    @Test
    void should_list_open_periods_per_day_in_utc_when_number_of_days_is_given() {
        // 2026-10-31 is a Saturday, the night New York leaves daylight-saving time (02:00 EDT becomes 01:00 EST)
        HttpResponse<String> answer = http.get("/1/service/hours?start=2026-10-30T12:00:00.000Z&number-of-days=3");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"error\":null,\"periods\":["
                + "{\"start\":\"2026-10-30T13:00:00.000Z\",\"end\":\"2026-10-30T21:00:00.000Z\"},"
                + "{\"start\":\"2026-11-01T02:00:00.000Z\",\"end\":\"2026-11-01T04:00:00.000Z\"},"
                + "{\"start\":\"2026-11-01T04:00:00.000Z\",\"end\":\"2026-11-01T07:00:00.000Z\"}]}");
    }

    @Test
    void should_use_one_day_when_number_of_days_is_out_of_range() {
        List<?> periods = (List<?>) object(http.get("/1/service/hours?start=2026-11-23T12:00:00Z&number-of-days=400"))
                .get("periods");
        assertThat(periods).hasSize(1);
    }

    @Test
    void should_tell_whether_it_is_open_now_when_no_parameter_is_given() {
        // the server clock says Monday 10:00 in New York
        List<?> periods = (List<?>) object(http.get("/1/service/hours")).get("periods");
        assertThat(periods).hasSize(1);
        assertThat(object(http.get("/1/service/hours?start=2026-11-23T23:00:00Z")).get("periods"))
                .isEqualTo(List.of());
    }

    @Test
    void should_clip_periods_to_the_range_when_end_is_given() {
        Object periods = object(http.get(
                "/1/service/hours?start=2026-11-23T16:00:00Z&end=2026-11-24T15:00:00Z")).get("periods");
        assertThat(periods).isEqualTo(List.of(
                Map.of("start", "2026-11-23T16:00:00.000Z", "end", "2026-11-23T22:00:00.000Z"),
                Map.of("start", "2026-11-24T14:00:00.000Z", "end", "2026-11-24T15:00:00.000Z")));
    }

    @Test
    void should_answer_400_when_start_is_not_a_time() {
        HttpResponse<String> answer = http.get("/1/service/hours?start=yesterday");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(object(answer)).containsEntry("exception", "com.genesyslab.gsg.GSGException");
    }

    @Test
    void should_answer_500_naming_the_option_when_the_hours_do_not_parse() {
        HttpResponse<String> answer = http.get("/1/service/broken-hours");
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat((String) object(answer).get("message")).contains("[service.broken-hours] _bh_regular1");
    }

    @Test
    void should_give_capacity_per_hour_in_local_time_when_start_and_end_are_given() {
        HttpResponse<String> answer = http.get(
                "/1/service/capacity?start=2026-11-23T09:30:00.000&end=2026-11-23T11:00:00.000&timezone=Europe/Paris");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(array(answer)).containsExactly(
                Map.of("start", "2026-11-23T08:30:00.000Z", "end", "2026-11-23T09:00:00.000Z", "capacity", 3),
                Map.of("start", "2026-11-23T09:00:00.000Z", "end", "2026-11-23T10:00:00.000Z", "capacity", 2));
        assertThat(http.get("/1/service/capacity?start=2026-11-23T09:30:00").statusCode()).isEqualTo(400);
    }

    @Test
    void should_refuse_a_range_of_more_periods_than_one_answer_holds_when_buckets_are_short() {
        HttpResponse<String> year = http.get("/1/service/fine-grained?start=2026-01-01T00:00:00&end=2026-12-31T00:00:00");
        assertThat(year.statusCode()).isEqualTo(400);
        assertThat(year.body()).contains("more than 10000").contains("shorter range");
        HttpResponse<String> month = http.get("/1/service/fine-grained?start=2026-01-01T00:00:00&end=2026-01-31T00:00:00");
        assertThat(month.statusCode()).isEqualTo(200);
        assertThat(array(month)).hasSize(30 * 24 * 12);
    }

    @Test
    void should_answer_capacity_exception_when_a_capacity_is_over_the_maximum() {
        HttpResponse<String> answer = http.get("/1/service/too-much?start=2026-11-23T09:00:00&end=2026-11-23T10:00:00");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(object(answer)).containsEntry("exception", "com.genesyslab.gsg.services.capacity.CapacityException");
    }
}
