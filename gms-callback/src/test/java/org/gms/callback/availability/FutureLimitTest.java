package org.gms.callback.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FutureLimitTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "1M, 1, MONTHS",
        "2y, 2, YEARS",
        "3w, 3, WEEKS",
        "10d, 10, DAYS",
        "36h, 36, HOURS",
        "90m, 90, MINUTES",
        "' 7d ', 7, DAYS",
        "1D, 1, DAYS",
        "999999999y, 999999999, YEARS"})
    void should_read_amount_and_unit_when_the_limit_is_well_formed(String text, long amount, ChronoUnit unit) {
        assertThat(FutureLimit.parse(text)).contains(new FutureLimit(amount, unit));
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"M", "1", "1 M", "1x", "-1d", "0d", "1.5h", "1Mo", "1000000000d", "P1M", "1s"})
    void should_fall_back_to_one_month_when_the_limit_is_invalid(String text) {
        assertThat(FutureLimit.parse(text)).isEmpty();
        assertThat(FutureLimit.parseOrDefault(text)).isEqualTo(FutureLimit.DEFAULT)
                .isEqualTo(new FutureLimit(1, ChronoUnit.MONTHS));
    }

    @Test
    void should_tell_months_from_minutes_when_only_the_case_differs() {
        Instant now = Instant.parse("2026-01-31T10:00:00Z");
        assertThat(FutureLimit.parseOrDefault("1M").latest(now, UTC)).isEqualTo("2026-02-28T10:00:00Z");
        assertThat(FutureLimit.parseOrDefault("1m").latest(now, UTC)).isEqualTo("2026-01-31T10:01:00Z");
    }

    @Test
    void should_step_days_in_local_time_when_a_daylight_saving_change_lies_between() {
        // Paris moves to summer time on 2026-03-29: one local day later is 23 hours later
        Instant now = Instant.parse("2026-03-28T12:00:00Z");
        assertThat(FutureLimit.parseOrDefault("1d").latest(now, ZoneId.of("Europe/Paris")))
                .isEqualTo("2026-03-29T11:00:00Z");
        assertThat(FutureLimit.parseOrDefault("24h").latest(now, ZoneId.of("Europe/Paris")))
                .isEqualTo("2026-03-29T12:00:00Z");
    }

    @Test
    void should_mean_no_limit_when_the_limit_runs_past_the_supported_dates() {
        assertThat(FutureLimit.parseOrDefault("999999999y").latest(Instant.parse("2026-01-01T00:00:00Z"), UTC))
                .isEqualTo(Instant.MAX);
    }

    @Test
    void should_write_the_limit_as_configured() {
        assertThat(FutureLimit.parseOrDefault("2w")).hasToString("2w");
        assertThat(FutureLimit.DEFAULT).hasToString("1M");
    }

    @Test
    void should_refuse_a_limit_of_seconds_or_of_nothing_when_built_directly() {
        assertThatThrownBy(() -> new FutureLimit(1, ChronoUnit.SECONDS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FutureLimit(0, ChronoUnit.DAYS)).isInstanceOf(IllegalArgumentException.class);
    }
}
