package org.gms.callback.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code _use_alternative<n>} with {@code _effective_dates<n>}: another service's calendar within dates. */
class UseAlternativeTest {

    private final ServiceSections services = new ServiceSections();

    @Test
    void should_answer_with_the_alternative_calendar_within_its_dates_and_with_its_own_outside() {
        services.officeHours("desk", "_bh_regular1", "Mon-Fri 9:00-17:00",
                        "_use_alternative1", "summer", "_effective_dates1", "2026-07-01 to 2026-08-31")
                .officeHours("summer", "_bh_regular1", "Mon-Fri 10:00-14:00");
        // Tuesday 2026-06-30 and Wednesday 2026-07-01; Monday 2026-08-31 and Tuesday 2026-09-01
        assertThat(services.periods("desk", "2026-06-30", 2)).containsExactly(
                "2026-06-30T09:00:00Z/2026-06-30T17:00:00Z",
                "2026-07-01T10:00:00Z/2026-07-01T14:00:00Z");
        assertThat(services.periods("desk", "2026-08-31", 2)).containsExactly(
                "2026-08-31T10:00:00Z/2026-08-31T14:00:00Z",
                "2026-09-01T09:00:00Z/2026-09-01T17:00:00Z");
        assertThat(services.calendar("desk").isOpenAt(Instant.parse("2026-07-01T09:30:00Z"))).isFalse();
        assertThat(services.calendar("desk").isOpenAt(Instant.parse("2026-06-30T09:30:00Z"))).isTrue();
    }

    @Test
    void should_use_the_alternative_holidays_and_not_its_own_when_a_date_is_within_the_alternative() {
        services.officeHours("desk", "_bh_regular1", "Mon-Fri 9:00-17:00", "_holiday1", "07-14",
                        "_use_alternative1", "summer", "_effective_dates1", "2026-07-01 to 2026-08-31")
                .officeHours("summer", "_bh_regular1", "Mon-Fri 10:00-14:00", "_holiday1", "2026-07-15",
                        "_bh_add1", "2026-07-18 10:00-11:00");
        // Tuesday 2026-07-14 to Saturday 2026-07-18
        assertThat(services.periods("desk", "2026-07-14", 5)).containsExactly(
                "2026-07-14T10:00:00Z/2026-07-14T14:00:00Z",
                "2026-07-16T10:00:00Z/2026-07-16T14:00:00Z",
                "2026-07-17T10:00:00Z/2026-07-17T14:00:00Z",
                "2026-07-18T10:00:00Z/2026-07-18T11:00:00Z");
    }

    @Test
    void should_stay_closed_outside_effective_dates_without_alternative_when_both_kinds_are_set() {
        services.officeHours("desk", "_bh_regular1", "Mon-Sun 9:00-10:00",
                        "_effective_dates1", "2026-11-21 to 2026-11-22",
                        "_use_alternative2", "late", "_effective_dates2", "2026-11-24")
                .officeHours("late", "_bh_regular1", "Mon-Sun 12:00-13:00");
        assertThat(services.periods("desk", "2026-11-20", 6)).containsExactly(
                "2026-11-21T09:00:00Z/2026-11-21T10:00:00Z",
                "2026-11-22T09:00:00Z/2026-11-22T10:00:00Z",
                "2026-11-24T12:00:00Z/2026-11-24T13:00:00Z");
    }

    @Test
    void should_follow_the_alternative_dates_when_the_alternative_has_its_own() {
        services.officeHours("desk", "_bh_regular1", "Mon-Sun 9:00-10:00",
                        "_use_alternative1", "winter", "_effective_dates1", "2026-12-01 to 2026-12-31")
                .officeHours("winter", "_bh_regular1", "Mon-Sun 12:00-13:00",
                        "_use_alternative1", "christmas", "_effective_dates1", "2026-12-25")
                .officeHours("christmas", "_bh_regular1", "Mon-Sun 15:00-16:00");
        assertThat(services.periods("desk", "2026-12-24", 2)).containsExactly(
                "2026-12-24T12:00:00Z/2026-12-24T13:00:00Z",
                "2026-12-25T15:00:00Z/2026-12-25T16:00:00Z");
    }

    @Test
    void should_keep_the_real_length_of_the_day_when_an_alternative_answers_on_a_daylight_saving_change() {
        services.officeHours("paris", "_timezone", "Europe/Paris", "_bh_regular1", "Mon-Sun 9:00-17:00",
                        "_use_alternative1", "night", "_effective_dates1", "2026-03-29",
                        "_use_alternative2", "night", "_effective_dates2", "2026-10-25")
                .officeHours("night", "_timezone", "Europe/Paris", "_bh_regular1", "Mon-Sun 01:00-04:00");
        // 01:00 to 04:00 lasts 2 hours when clocks go forward at 02:00, 4 hours when they go back at 03:00
        assertThat(services.periods("paris", "2026-03-28", 3)).containsExactly(
                "2026-03-28T08:00:00Z/2026-03-28T16:00:00Z",
                "2026-03-29T00:00:00Z/2026-03-29T02:00:00Z",
                "2026-03-30T07:00:00Z/2026-03-30T15:00:00Z");
        assertThat(services.periods("paris", "2026-10-24", 3)).containsExactly(
                "2026-10-24T07:00:00Z/2026-10-24T15:00:00Z",
                "2026-10-24T23:00:00Z/2026-10-25T03:00:00Z",
                "2026-10-26T08:00:00Z/2026-10-26T16:00:00Z");
    }

    @Test
    void should_answer_the_whole_local_day_when_an_alternative_in_another_zone_is_open_all_day() {
        services.officeHours("paris", "_timezone", "Europe/Paris", "_bh_regular1", "Mon-Sun 9:00-17:00",
                        "_use_alternative1", "always", "_effective_dates1", "2026-03-29",
                        "_use_alternative2", "always", "_effective_dates2", "2026-10-25")
                .officeHours("always", "_timezone", "UTC", "_bh_regular1", "Mon-Sun 00:00-24:00");
        // Paris days of 23 and 25 hours, one period each though UTC midnight falls within them
        assertThat(services.periods("paris", "2026-03-29", 1))
                .containsExactly("2026-03-28T23:00:00Z/2026-03-29T22:00:00Z");
        assertThat(services.periods("paris", "2026-10-25", 1))
                .containsExactly("2026-10-24T22:00:00Z/2026-10-25T23:00:00Z");
    }
}
