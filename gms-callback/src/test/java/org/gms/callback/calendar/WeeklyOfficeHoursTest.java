package org.gms.callback.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeeklyOfficeHoursTest {

    private static OfficeHours calendar(String... keyValues) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int index = 0; index < keyValues.length; index += 2) {
            options.put(keyValues[index], keyValues[index + 1]);
        }
        return new WeeklyOfficeHours(OfficeHoursSettings.from("service.hours", options));
    }

    private static Duration length(OpenPeriod period) {
        return Duration.between(period.start(), period.end());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "America/New_York, 2026-03-08, 23, 2026-03-08T05:00:00Z",
        "America/New_York, 2026-11-01, 25, 2026-11-01T04:00:00Z",
        "Europe/Paris, 2026-03-29, 23, 2026-03-28T23:00:00Z",
        "Europe/Paris, 2026-10-25, 25, 2026-10-24T22:00:00Z",
        "Australia/Sydney, 2026-04-05, 25, 2026-04-04T13:00:00Z",
        "Australia/Sydney, 2026-10-04, 23, 2026-10-03T14:00:00Z"})
    void should_open_for_the_real_length_of_the_day_when_daylight_saving_changes(String zone, String day, int hours,
                                                                                  String midnight) {
        OfficeHours hoursOfDay = calendar("_timezone", zone, "_bh_regular1", "Mon-Sun 00:00-24:00");
        List<OpenPeriod> periods = hoursOfDay.openPeriods(LocalDate.parse(day), 1);
        assertThat(periods).hasSize(1);
        assertThat(periods.get(0).start()).isEqualTo(Instant.parse(midnight));
        assertThat(length(periods.get(0))).isEqualTo(Duration.ofHours(hours));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "America/New_York, 2026-03-07, 2026-03-07T14:00:00Z, 2026-03-08, 2026-03-08T13:00:00Z",
        "America/New_York, 2026-10-31, 2026-10-31T13:00:00Z, 2026-11-01, 2026-11-01T14:00:00Z",
        "Europe/Paris, 2026-03-28, 2026-03-28T08:00:00Z, 2026-03-29, 2026-03-29T07:00:00Z",
        "Europe/Paris, 2026-10-24, 2026-10-24T07:00:00Z, 2026-10-25, 2026-10-25T08:00:00Z",
        "Australia/Sydney, 2026-04-04, 2026-04-03T22:00:00Z, 2026-04-05, 2026-04-04T23:00:00Z",
        "Australia/Sydney, 2026-10-03, 2026-10-02T23:00:00Z, 2026-10-04, 2026-10-03T22:00:00Z"})
    void should_keep_local_opening_time_across_the_change_when_hours_are_on_both_sides(
            String zone, String dayBefore, String openBefore, String changeDay, String openOnChange) {
        OfficeHours hours = calendar("_timezone", zone, "_bh_regular1", "Mon-Sun 9:00-17:00");
        List<OpenPeriod> periods = hours.openPeriods(LocalDate.parse(dayBefore), 2);
        assertThat(periods).extracting(OpenPeriod::start)
                .containsExactly(Instant.parse(openBefore), Instant.parse(openOnChange));
        assertThat(periods).allSatisfy(period -> assertThat(length(period)).isEqualTo(Duration.ofHours(8)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "America/New_York, 2026-03-08, 2",
        "America/New_York, 2026-11-01, 4",
        "Europe/Paris, 2026-03-29, 2",
        "Europe/Paris, 2026-10-25, 4",
        "Australia/Sydney, 2026-04-05, 4",
        "Australia/Sydney, 2026-10-04, 2"})
    void should_count_real_hours_when_open_hours_span_the_change(String zone, String day, int hours) {
        OfficeHours calendar = calendar("_timezone", zone, "_bh_regular1", "Mon-Sun 01:00-04:00");
        List<OpenPeriod> periods = calendar.openPeriods(LocalDate.parse(day), 1);
        assertThat(periods).hasSize(1);
        assertThat(length(periods.get(0))).isEqualTo(Duration.ofHours(hours));
    }

    @Test
    void should_split_hours_at_midnight_when_they_wrap_into_the_next_day() {
        OfficeHours hours = calendar("_timezone", "Europe/Paris", "_bh_regular1", "Fri 19:00-7:00");
        // Friday 2026-11-20 and Saturday 2026-11-21, Paris is UTC+1
        List<OpenPeriod> periods = hours.openPeriods(LocalDate.parse("2026-11-20"), 3);
        assertThat(periods).containsExactly(
                new OpenPeriod(Instant.parse("2026-11-20T18:00:00Z"), Instant.parse("2026-11-20T23:00:00Z")),
                new OpenPeriod(Instant.parse("2026-11-20T23:00:00Z"), Instant.parse("2026-11-21T06:00:00Z")));
        assertThat(hours.isOpenAt(Instant.parse("2026-11-21T05:59:00Z"))).isTrue();
        assertThat(hours.isOpenAt(Instant.parse("2026-11-21T06:00:00Z"))).isFalse();
    }

    @Test
    void should_carry_wrapped_hours_over_a_daylight_saving_change_when_the_night_crosses_it() {
        OfficeHours hours = calendar("_timezone", "America/New_York", "_bh_regular1", "Sat 22:00-06:00");
        // night of Saturday 2026-03-07 to Sunday 2026-03-08: 22:00 EST to 06:00 EDT is 7 real hours
        List<OpenPeriod> periods = hours.openPeriods(LocalDate.parse("2026-03-07"), 2);
        assertThat(periods).hasSize(2);
        assertThat(periods.get(0).start()).isEqualTo(Instant.parse("2026-03-08T03:00:00Z"));
        assertThat(periods.get(1).end()).isEqualTo(Instant.parse("2026-03-08T10:00:00Z"));
        assertThat(length(periods.get(0)).plus(length(periods.get(1)))).isEqualTo(Duration.ofHours(7));
    }

    @Test
    void should_wrap_day_ranges_over_the_weekend_when_days_go_from_saturday_to_monday() {
        OfficeHours hours = calendar("_bh_regular1", "Sat-Mon 10:00-11:00");
        // 2026-11-20 is a Friday
        List<OpenPeriod> periods = hours.openPeriods(LocalDate.parse("2026-11-20"), 5);
        assertThat(periods).extracting(period -> period.start().toString()).containsExactly(
                "2026-11-21T10:00:00Z", "2026-11-22T10:00:00Z", "2026-11-23T10:00:00Z");
    }

    @Test
    void should_close_holidays_and_open_added_hours_when_dates_are_configured() {
        OfficeHours hours = calendar("_bh_regular1", "Mon-Fri 9:00-17:00", "_holiday1", "12-25",
                "_bh_add1", "2026-12-26 10:00-12:00", "_bh_add2", "");
        // Friday 2026-12-25 (holiday), Saturday 2026-12-26 (added hours)
        assertThat(hours.openPeriods(LocalDate.parse("2026-12-25"), 2)).containsExactly(
                new OpenPeriod(Instant.parse("2026-12-26T10:00:00Z"), Instant.parse("2026-12-26T12:00:00Z")));
    }

    @Test
    void should_be_closed_outside_effective_dates_when_some_are_configured() {
        OfficeHours hours = calendar("_bh_regular1", "Mon-Sun 9:00-10:00",
                "_effective_dates1", "2026-11-21 to 2026-11-22");
        assertThat(hours.openPeriods(LocalDate.parse("2026-11-20"), 4)).extracting(period -> period.start().toString())
                .containsExactly("2026-11-21T09:00:00Z", "2026-11-22T09:00:00Z");
    }

    @Test
    void should_clip_periods_to_the_range_when_asked_for_instants() {
        OfficeHours hours = calendar("_bh_regular1", "Mon-Fri 9:00-17:00");
        assertThat(hours.openPeriods(Instant.parse("2026-11-23T12:00:00Z"), Instant.parse("2026-11-24T10:00:00Z")))
                .containsExactly(
                        new OpenPeriod(Instant.parse("2026-11-23T12:00:00Z"), Instant.parse("2026-11-23T17:00:00Z")),
                        new OpenPeriod(Instant.parse("2026-11-24T09:00:00Z"), Instant.parse("2026-11-24T10:00:00Z")));
    }

    @Test
    void should_fail_when_the_range_has_more_days_than_an_int_holds() {
        OfficeHours hours = calendar("_bh_regular1", "Mon-Fri 9:00-17:00");
        assertThatThrownBy(() -> hours.openPeriods(Instant.parse("-1000000-01-01T00:00:00Z"),
                Instant.parse("+5000000-01-01T00:00:00Z"))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void should_name_the_option_when_a_value_does_not_parse() {
        assertThatThrownBy(() -> calendar("_bh_regular7", "Mon-Fry 9:00-17:00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[service.hours] _bh_regular7").hasMessageContaining("Fry");
        assertThatThrownBy(() -> calendar("_bh_regular1", "Mon 9:00-25:00"))
                .hasMessageContaining("invalid time [25:00]");
    }

    @Test
    void should_refuse_settings_that_name_other_services_when_built_without_them() {
        OfficeHoursSettings settings = OfficeHoursSettings.from("service.hours",
                Map.of("_bh_regular1", "Mon 9:00-10:00", "_include_regular1", "phones"));
        assertThatThrownBy(() -> new WeeklyOfficeHours(settings)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OfficeHoursResolver");
    }
}
