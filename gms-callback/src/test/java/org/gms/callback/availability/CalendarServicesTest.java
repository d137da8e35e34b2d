package org.gms.callback.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gms.core.config.NamedSection;
import org.gms.core.error.BadRequestException;
import org.junit.jupiter.api.Test;

class CalendarServicesTest {

    private static final NamedSection HOURS = NamedSection.service("hours", Map.of("_type", "builtin",
            "_service", "office-hours", "_timezone", "UTC", "_bh_regular1", "Mon-Sun 9:00-17:00"));
    private static final NamedSection CAPACITY = NamedSection.service("capacity", Map.of("_type", "builtin",
            "_service", "capacity", "_timezone", "Europe/Paris", "_capacity", "[Mon-Sun]",
            "_capacity_1", "{\"0000\":3}"));

    private final CalendarServices calendars =
            new CalendarServices(Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC));

    @Test
    void should_answer_400_when_the_office_hours_range_is_longer_than_the_maximum_days() {
        assertThatThrownBy(() -> calendars.openPeriods(HOURS,
                Map.of("start", "2026-01-01T00:00:00Z", "end", "2027-01-03T00:00:00Z")))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("more than 366 days apart");
    }

    @Test
    void should_answer_400_when_the_capacity_range_is_longer_than_the_maximum_days() {
        assertThatThrownBy(() -> calendars.capacityPeriods(CAPACITY,
                Map.of("start", "2026-01-01T00:00:00", "end", "2028-01-01T00:00:00")))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("more than 366 days apart");
    }

    @Test
    void should_list_periods_when_the_range_is_exactly_the_maximum_days() {
        assertThat(calendars.capacityPeriods(CAPACITY,
                Map.of("start", "2026-01-01T00:00:00", "end", "2027-01-02T00:00:00"))).last()
                .isEqualTo(Map.of("start", "2027-01-01T22:00:00.000Z", "end", "2027-01-01T23:00:00.000Z",
                        "capacity", 0));
        assertThat((Iterable<?>) calendars.openPeriods(HOURS,
                Map.of("start", "2026-01-01T00:00:00Z", "end", "2027-01-02T00:00:00Z")).get("periods")).hasSize(366);
    }

    @Test
    void should_answer_400_when_office_hours_days_run_past_the_last_supported_date() {
        assertThatThrownBy(() -> calendars.openPeriods(HOURS,
                Map.of("start", "+999999999-12-31T00:00:00Z", "number-of-days", "3")))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("outside the supported dates");
    }

    @Test
    void should_answer_the_periods_when_capacity_buckets_reach_the_last_supported_date() {
        // buckets are walked as instants: the bucket after the last one is never turned into a local time
        assertThat(calendars.capacityPeriods(CAPACITY,
                Map.of("start", "+999999999-12-31T22:30:00", "end", "+999999999-12-31T23:30:00"))).hasSize(2);
    }

    @Test
    void should_answer_with_the_hours_of_the_services_named_when_a_resolver_finds_them() {
        NamedSection desk = NamedSection.service("desk", Map.of("_type", "builtin", "_service", "office-hours",
                "_bh_regular1", "Mon-Sun 9:00-10:00", "_include_regular1", "hours"));
        Map<String, NamedSection> sections = Map.of("hours", HOURS);
        Map<String, Object> body = calendars.openPeriods(desk, name -> Optional.ofNullable(sections.get(name)),
                Map.of("start", "2026-11-23T00:00:00Z", "number-of-days", "1"));
        assertThat(body).containsEntry("error", null).containsEntry("periods", List.of(
                Map.of("start", "2026-11-23T09:00:00.000Z", "end", "2026-11-23T17:00:00.000Z")));
    }
}
