package org.gms.callback.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvailabilitySettingsTest {

    @Test
    void should_use_five_minute_buckets_of_100_requests_a_month_ahead_when_nothing_is_set() {
        assertThat(AvailabilitySettings.from("service.callback", Map.of()))
                .isEqualTo(AvailabilitySettings.DEFAULTS)
                .isEqualTo(new AvailabilitySettings(5, 100, new FutureLimit(1, ChronoUnit.MONTHS)));
    }

    @Test
    void should_read_the_options_when_they_are_valid() {
        assertThat(AvailabilitySettings.from("service.callback", Map.of("_request_time_bucket", " 15 ",
                "_max_request_by_time_bucket", "7", "_reject_future_desired_time", "2w")))
                .isEqualTo(new AvailabilitySettings(15, 7, new FutureLimit(2, ChronoUnit.WEEKS)));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "_request_time_bucket, 7",
        "_request_time_bucket, 0",
        "_request_time_bucket, quarter",
        "_max_request_by_time_bucket, 0",
        "_max_request_by_time_bucket, -1",
        "_max_request_by_time_bucket, many",
        "_reject_future_desired_time, 1 month",
        "_reject_future_desired_time, ''"})
    void should_fall_back_to_the_default_when_a_value_is_invalid_or_empty(String option, String value) {
        assertThat(AvailabilitySettings.from("service.callback", Map.of(option, value)))
                .isEqualTo(AvailabilitySettings.DEFAULTS);
    }

    @Test
    void should_refuse_values_that_cannot_be_used_when_built_directly() {
        assertThatThrownBy(() -> new AvailabilitySettings(7, 100, FutureLimit.DEFAULT))
                .hasMessageContaining("_request_time_bucket");
        assertThatThrownBy(() -> new AvailabilitySettings(5, 0, FutureLimit.DEFAULT))
                .hasMessageContaining("_max_request_by_time_bucket");
        assertThatThrownBy(() -> new AvailabilitySettings(5, 100, null))
                .hasMessageContaining("_reject_future_desired_time");
    }
}
