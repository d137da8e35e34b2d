package org.gms.callback.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gms.callback.availability.Calendars.officeHours;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gms.core.error.BadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvailabilityQueryTest {

    /** Monday 8 June 2026, 08:07 in Paris. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-08T06:07:00Z"), ZoneOffset.UTC);

    /** Paris, Monday to Friday 9:00-17:00, 15-minute buckets of 5 requests. */
    private static final Availability PARIS = Availability.builder(CLOCK)
            .officeHours(officeHours("_timezone", "Europe/Paris", "_bh_regular1", "Mon-Fri 9:00-17:00"))
            .settings(new AvailabilitySettings(15, 5, FutureLimit.DEFAULT)).build();

    private static Availability alwaysOpen(int bucketMinutes, String futureLimit) {
        return Availability.builder(CLOCK)
                .settings(new AvailabilitySettings(bucketMinutes, 5, FutureLimit.parseOrDefault(futureLimit))).build();
    }

    private static Bookings booked(String... desiredTimes) {
        return Bookings.of(java.util.Arrays.stream(desiredTimes).map(Instant::parse).toList());
    }

    private static List<String> keys(Map<String, Object> body) {
        return new ArrayList<>(body.keySet());
    }

    @Test
    void should_list_the_free_slots_of_one_day_in_order_when_no_parameter_is_given() {
        Map<String, Object> body = AvailabilityQuery.v1(PARIS, Map.of())
                .answer(booked("2026-06-08T07:01:00Z", "2026-06-08T07:02:00Z"));
        assertThat(body).hasSize(32);
        assertThat(keys(body)).isSorted().startsWith("2026-06-08T07:00:00.000Z", "2026-06-08T07:15:00.000Z")
                .endsWith("2026-06-08T14:45:00.000Z");
        assertThat(body).containsEntry("2026-06-08T07:00:00.000Z", 3).containsEntry("2026-06-08T07:15:00.000Z", 5);
    }

    @Test
    void should_start_at_the_next_bucket_boundary_when_start_defaults_to_now() {
        AvailabilityQuery query = AvailabilityQuery.v1(alwaysOpen(15, "1M"), Map.of("max-time-slots", "2"));
        assertThat(keys(query.answer(Bookings.NONE)))
                .containsExactly("2026-06-08T06:15:00.000Z", "2026-06-08T06:30:00.000Z");
        assertThat(query.bookingsFrom()).isEqualTo("2026-06-08T06:15:00Z");
        assertThat(query.bookingsTo()).isEqualTo("2026-06-09T06:15:00Z");
    }

    @Test
    void should_leave_full_slots_out_of_version_1_whatever_report_busy_says() {
        Map<String, Object> body = AvailabilityQuery.v1(PARIS, Map.of("start", "2026-06-08T07:00:00.000Z",
                "end", "2026-06-08T07:30:00.000Z", "report-busy", "true")).answer(booked("2026-06-08T07:00:00Z",
                "2026-06-08T07:03:00Z", "2026-06-08T07:05:00Z", "2026-06-08T07:10:00Z", "2026-06-08T07:14:59Z"));
        assertThat(body).containsExactly(Map.entry("2026-06-08T07:15:00.000Z", 5));
    }

    @Test
    void should_answer_the_range_between_start_and_end_when_both_are_given() {
        AvailabilityQuery query = AvailabilityQuery.v1(PARIS, Map.of("start", "2026-06-09T07:10:00Z",
                "end", "2026-06-09T08:05:00.000Z"));
        assertThat(keys(query.answer(Bookings.NONE))).containsExactly("2026-06-09T07:15:00.000Z",
                "2026-06-09T07:30:00.000Z", "2026-06-09T07:45:00.000Z", "2026-06-09T08:00:00.000Z");
        assertThat(query.bookingsFrom()).isEqualTo("2026-06-09T07:15:00Z");
        assertThat(query.bookingsTo()).isEqualTo("2026-06-09T08:15:00Z");
    }

    @Test
    void should_count_days_from_start_when_number_of_days_is_given_even_with_an_end() {
        Map<String, Object> body = AvailabilityQuery.v1(PARIS, Map.of("start", "2026-06-11T22:00:00.000Z",
                "number-of-days", "4", "end", "2026-06-12T08:00:00.000Z")).answer(Bookings.NONE);
        // Friday and Monday; Saturday and Sunday are closed
        assertThat(body).hasSize(64);
        assertThat(keys(body).get(32)).isEqualTo("2026-06-15T07:00:00.000Z");
    }

    @Test
    void should_stop_after_max_time_slots_when_more_are_free() {
        assertThat(keys(AvailabilityQuery.v1(PARIS, Map.of("max-time-slots", "3")).answer(Bookings.NONE)))
                .containsExactly("2026-06-08T07:00:00.000Z", "2026-06-08T07:15:00.000Z", "2026-06-08T07:30:00.000Z");
        assertThat(AvailabilityQuery.v1(alwaysOpen(5, "2y"), Map.of("number-of-days", "366",
                "max-time-slots", "999999999")).answer(Bookings.NONE)).hasSize(AvailabilityQuery.MAX_SLOTS);
    }

    @Test
    void should_answer_only_the_slot_of_the_timestamp_when_one_is_given() {
        AvailabilityQuery query = AvailabilityQuery.v1(PARIS, Map.of("timestamp", "2026-06-08T07:20:00.000Z",
                "max-time-slots", "10"));
        assertThat(query.answer(booked("2026-06-08T07:29:00Z"))).containsExactly(
                Map.entry("2026-06-08T07:15:00.000Z", 4));
        assertThat(query.bookingsFrom()).isEqualTo("2026-06-08T07:15:00Z");
        assertThat(query.bookingsTo()).isEqualTo("2026-06-08T07:30:00Z");
        assertThat(query.answer(booked("2026-06-08T07:15:00Z", "2026-06-08T07:16:00Z", "2026-06-08T07:17:00Z",
                "2026-06-08T07:18:00Z", "2026-06-08T07:19:00Z"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026-06-08T06:30:00.000Z", "2026-06-13T10:00:00.000Z", "2026-07-08T07:00:00.000Z"})
    void should_answer_nothing_when_the_timestamp_is_closed_or_past_the_future_limit(String timestamp) {
        AvailabilityQuery query = AvailabilityQuery.v1(PARIS, Map.of("timestamp", timestamp));
        assertThat(query.answer(Bookings.NONE)).isEmpty();
        assertThat(query.bookingsFrom()).isEqualTo(query.bookingsTo());
    }

    @Test
    void should_render_the_version_2_body_when_asked_with_milliseconds_a_timezone_and_busy_slots() {
        long start = Instant.parse("2026-06-08T07:00:00Z").toEpochMilli();
        AvailabilityQuery query = AvailabilityQuery.v2(PARIS, Map.of("start-ms", Long.toString(start),
                "end-ms", Long.toString(start + 30 * 60_000), "timezone", "America/New_York", "report-busy", "true"));
        Map<String, Object> body = query.answer(booked("2026-06-08T07:00:00Z", "2026-06-08T07:01:00Z",
                "2026-06-08T07:02:00Z", "2026-06-08T07:03:00Z", "2026-06-08T07:04:00Z", "2026-06-08T07:05:00Z",
                "2026-06-08T07:20:00Z"));
        assertThat(body).containsExactly(Map.entry("durationMin", 15), Map.entry("timezone", "America/New_York"),
                Map.entry("slots", List.of(
                        Map.of("utcTime", "2026-06-08T07:00:00.000Z", "localTime", "2026-06-08T03:00:00.000",
                                "capacity", 0, "total", 5),
                        Map.of("utcTime", "2026-06-08T07:15:00.000Z", "localTime", "2026-06-08T03:15:00.000",
                                "capacity", 4, "total", 5))));
        Map<?, ?> first = (Map<?, ?>) ((List<?>) body.get("slots")).get(0);
        assertThat(new ArrayList<Object>(first.keySet())).containsExactly("utcTime", "localTime", "capacity", "total");
    }

    @Test
    void should_give_local_times_in_the_office_hours_zone_and_leave_full_slots_out_when_version_2_has_no_options() {
        Map<String, Object> body = AvailabilityQuery.v2(PARIS, Map.of("start", "2026-06-08T07:00:00.000Z",
                "end", "2026-06-08T07:30:00.000Z")).answer(booked("2026-06-08T07:20:00Z", "2026-06-08T07:20:00Z",
                "2026-06-08T07:20:00Z", "2026-06-08T07:20:00Z", "2026-06-08T07:20:00Z"));
        assertThat(body).containsEntry("timezone", "Europe/Paris").containsEntry("slots", List.of(
                Map.of("utcTime", "2026-06-08T07:00:00.000Z", "localTime", "2026-06-08T09:00:00.000",
                        "capacity", 5, "total", 5)));
    }

    @Test
    void should_cut_the_range_at_the_future_limit_when_it_runs_past_it() {
        AvailabilityQuery query = AvailabilityQuery.v1(alwaysOpen(60, "10h"), Map.of("number-of-days", "3"));
        Map<String, Object> body = query.answer(Bookings.NONE);
        assertThat(keys(body)).hasSize(10).startsWith("2026-06-08T07:00:00.000Z").endsWith("2026-06-08T16:00:00.000Z");
        assertThat(query.bookingsTo()).isEqualTo("2026-06-08T17:00:00Z");
    }

    @Test
    void should_answer_nothing_when_the_range_starts_past_the_future_limit() {
        AvailabilityQuery query = AvailabilityQuery.v2(PARIS, Map.of("start", "2026-08-01T07:00:00.000Z"));
        assertThat(query.answer(Bookings.NONE)).containsEntry("slots", List.of());
        assertThat(query.bookingsFrom()).isEqualTo(query.bookingsTo());
    }

    @Test
    void should_answer_a_whole_year_when_the_range_is_exactly_the_maximum_days() {
        assertThat(AvailabilityQuery.v1(alwaysOpen(120, "2y"), Map.of("start", "2026-06-08T00:00:00.000Z",
                "number-of-days", "366")).answer(Bookings.NONE)).hasSize(366 * 12);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "start, tomorrow, '[start] tomorrow is not an ISO-8601 UTC time'",
        "end, 2026-06-08T05:00:00.000Z, '[end] 2026-06-08T05:00:00.000Z is before now, 2026-06-08T06:07:00.000Z'",
        "number-of-days, 0, '[number-of-days] 0 is not a number of days from 1 to 366'",
        "number-of-days, 367, '[number-of-days] 367 is not a number of days from 1 to 366'",
        "number-of-days, two, '[number-of-days] two is not a number of days'",
        "max-time-slots, 0, '[max-time-slots] 0 is not a positive number of slots'",
        "max-time-slots, -3, '[max-time-slots] -3 is not a positive number of slots'",
        "max-time-slots, ten, '[max-time-slots] ten is not a positive number of slots'",
        "timestamp, 2026-13-01T00:00:00Z, '[timestamp] 2026-13-01T00:00:00Z is not an ISO-8601 UTC time'",
        "start-ms, 12.5, '[start-ms] 12.5 is not a time in milliseconds'",
        "end-ms, soon, '[end-ms] soon is not a time in milliseconds'",
        "timezone, Mars/Olympus, '[timezone] Mars/Olympus is not a time zone id'",
        "report-busy, yes, '[report-busy] yes is not true or false'"})
    void should_answer_400_naming_the_parameter_when_a_value_is_invalid(String name, String value, String message) {
        assertThatThrownBy(() -> AvailabilityQuery.v2(PARIS, Map.of(name, value)).answer(Bookings.NONE))
                .isInstanceOf(BadRequestException.class).hasMessageContaining(message);
    }

    @Test
    void should_answer_400_when_end_is_before_start() {
        assertThatThrownBy(() -> AvailabilityQuery.v1(PARIS, Map.of("start", "2026-06-09T08:00:00.000Z",
                "end", "2026-06-09T07:00:00.000Z")))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Parameter [end] 2026-06-09T07:00:00.000Z is before [start] 2026-06-09T08:00:00.000Z");
    }

    @Test
    void should_answer_400_when_a_time_is_given_both_as_text_and_as_milliseconds() {
        assertThatThrownBy(() -> AvailabilityQuery.v2(PARIS, Map.of("start", "2026-06-09T08:00:00.000Z",
                "start-ms", "1780992000000")))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("[start] and [start-ms]");
    }

    @Test
    void should_answer_400_when_the_range_is_longer_than_the_maximum_days() {
        assertThatThrownBy(() -> AvailabilityQuery.v1(PARIS, Map.of("start", "2025-06-01T00:00:00.000Z",
                "end", "2026-06-09T00:00:00.000Z")))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("more than 366 days");
    }

    @Test
    void should_answer_400_when_the_dates_run_outside_the_supported_ones() {
        Availability newYork = Availability.builder(CLOCK)
                .officeHours(officeHours("_timezone", "America/New_York", "_bh_regular1", "Mon-Sun 00:00-24:00"))
                .build();
        assertThatThrownBy(() -> AvailabilityQuery.v1(newYork, Map.of("start", "-999999999-01-01T00:00:00Z")))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("outside the supported dates");
    }

    @Test
    void should_ignore_version_2_parameters_when_asked_with_version_1() {
        Map<String, Object> body = AvailabilityQuery.v1(PARIS, Map.of("start-ms", "bad", "timezone", "Mars/Olympus",
                "max-time-slots", "1")).answer(Bookings.NONE);
        assertThat(body).containsOnlyKeys("2026-06-08T07:00:00.000Z");
    }
}
