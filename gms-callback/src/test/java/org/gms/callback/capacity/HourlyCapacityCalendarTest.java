package org.gms.callback.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HourlyCapacityCalendarTest {

    private static CapacityCalendar calendar(String... keyValues) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int index = 0; index < keyValues.length; index += 2) {
            options.put(keyValues[index], keyValues[index + 1]);
        }
        return new HourlyCapacityCalendar(CapacitySettings.from("service.capacity", options));
    }

    @Test
    void should_give_the_hour_profile_of_the_weekday_when_periods_are_asked() {
        CapacityCalendar capacity = calendar("_capacity", "[Mon-Fri, Sat, Sun]",
                "_capacity_1", "{\"1\":{\"0900\":5,\"1000\":3}}", "_capacity_2", "{\"1000\":1}", "_capacity_3", "{}");
        // Monday 2026-11-23
        assertThat(capacity.periods(Instant.parse("2026-11-23T09:15:00Z"), Instant.parse("2026-11-23T11:30:00Z")))
                .containsExactly(
                        new CapacityPeriod(Instant.parse("2026-11-23T09:15:00Z"), Instant.parse("2026-11-23T10:00:00Z"), 5),
                        new CapacityPeriod(Instant.parse("2026-11-23T10:00:00Z"), Instant.parse("2026-11-23T11:00:00Z"), 3),
                        new CapacityPeriod(Instant.parse("2026-11-23T11:00:00Z"), Instant.parse("2026-11-23T11:30:00Z"), 0));
        assertThat(capacity.capacityAt(Instant.parse("2026-11-28T10:59:00Z"))).isEqualTo(1);
        assertThat(capacity.capacityAt(Instant.parse("2026-11-29T10:00:00Z"))).isZero();
    }

    @Test
    void should_give_the_repeated_hour_two_buckets_when_clocks_go_back() {
        CapacityCalendar capacity = calendar("_timezone", "America/New_York", "_capacity", "[Mon-Sun]",
                "_capacity_1", "{\"0000\":1,\"0100\":2,\"0200\":3}");
        // 2026-11-01: 01:00-02:00 happens twice, first at UTC-4 then at UTC-5
        assertThat(capacity.periods(Instant.parse("2026-11-01T04:00:00Z"), Instant.parse("2026-11-01T08:00:00Z")))
                .containsExactly(
                        new CapacityPeriod(Instant.parse("2026-11-01T04:00:00Z"), Instant.parse("2026-11-01T05:00:00Z"), 1),
                        new CapacityPeriod(Instant.parse("2026-11-01T05:00:00Z"), Instant.parse("2026-11-01T06:00:00Z"), 2),
                        new CapacityPeriod(Instant.parse("2026-11-01T06:00:00Z"), Instant.parse("2026-11-01T07:00:00Z"), 2),
                        new CapacityPeriod(Instant.parse("2026-11-01T07:00:00Z"), Instant.parse("2026-11-01T08:00:00Z"), 3));
    }

    @Test
    void should_skip_the_missing_hour_when_clocks_go_forward() {
        CapacityCalendar capacity = calendar("_timezone", "America/New_York", "_capacity", "[Mon-Sun]",
                "_capacity_1", "{\"0100\":2,\"0200\":5,\"0300\":3}");
        // 2026-03-08: 02:00-03:00 does not exist
        assertThat(capacity.periods(Instant.parse("2026-03-08T06:00:00Z"), Instant.parse("2026-03-08T08:00:00Z")))
                .containsExactly(
                        new CapacityPeriod(Instant.parse("2026-03-08T06:00:00Z"), Instant.parse("2026-03-08T07:00:00Z"), 2),
                        new CapacityPeriod(Instant.parse("2026-03-08T07:00:00Z"), Instant.parse("2026-03-08T08:00:00Z"), 3));
    }

    @Test
    void should_use_the_date_exception_and_local_time_when_capacity_add_and_timezone_are_set() {
        CapacityCalendar capacity = calendar("_timezone", "Europe/Paris", "_capacity", "[Mon-Sun]",
                "_capacity_1", "{\"0900\":4}", "_capacity_add", "{\"2026-12-24\":{\"0900\":1}}",
                "_request_time_bucket", "30");
        assertThat(capacity.periods(Instant.parse("2026-12-23T08:00:00Z"), Instant.parse("2026-12-23T09:00:00Z")))
                .extracting(CapacityPeriod::capacity).containsExactly(4, 4);
        assertThat(capacity.capacityAt(Instant.parse("2026-12-24T08:30:00Z"))).isEqualTo(1);
    }

    @Test
    void should_refuse_a_capacity_over_the_maximum_when_the_profile_is_read() {
        assertThatThrownBy(() -> calendar("_capacity", "[Mon]", "_capacity_1", "{\"0900\":1001}"))
                .isInstanceOf(CapacityException.class)
                .hasMessageContaining("over _max_capacity [1000]");
        assertThatThrownBy(() -> calendar("_max_capacity", "10", "_capacity_add", "{\"2026-12-24\":{\"0900\":11}}"))
                .isInstanceOf(CapacityException.class);
    }

    @Test
    void should_name_the_option_when_the_bucket_is_not_allowed() {
        assertThatThrownBy(() -> calendar("_request_time_bucket", "7"))
                .hasMessageContaining("[service.capacity] _request_time_bucket");
    }
}
