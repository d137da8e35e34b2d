package org.gms.callback.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code _include_regular<n>}: the regular hours of another office-hours service added to this one's. */
class IncludeRegularTest {

    private final ServiceSections services = new ServiceSections();

    @Test
    void should_open_the_union_of_both_weekly_hours_when_a_service_includes_another() {
        services.officeHours("desk", "_bh_regular1", "Mon-Fri 9:00-12:00", "_include_regular1", "phones")
                .officeHours("phones", "_bh_regular1", "Mon-Fri 11:00-14:00", "_bh_regular2", "Sat 10:00-12:00");
        // Monday 2026-11-23 to Sunday 2026-11-29
        assertThat(services.periods("desk", "2026-11-23", 7)).containsExactly(
                "2026-11-23T09:00:00Z/2026-11-23T14:00:00Z",
                "2026-11-24T09:00:00Z/2026-11-24T14:00:00Z",
                "2026-11-25T09:00:00Z/2026-11-25T14:00:00Z",
                "2026-11-26T09:00:00Z/2026-11-26T14:00:00Z",
                "2026-11-27T09:00:00Z/2026-11-27T14:00:00Z",
                "2026-11-28T10:00:00Z/2026-11-28T12:00:00Z");
    }

    @Test
    void should_take_only_the_weekly_hours_when_the_included_service_has_dates_of_its_own() {
        services.officeHours("desk", "_bh_regular1", "Mon 9:00-10:00", "_include_regular1", "phones")
                .officeHours("phones", "_bh_regular1", "Tue 9:00-10:00", "_holiday1", "2026-11-24",
                        "_bh_add1", "2026-11-25 15:00-16:00", "_effective_dates1", "2027-01-01");
        assertThat(services.periods("desk", "2026-11-23", 3)).containsExactly(
                "2026-11-23T09:00:00Z/2026-11-23T10:00:00Z",
                "2026-11-24T09:00:00Z/2026-11-24T10:00:00Z");
    }

    @Test
    void should_close_included_hours_too_when_the_including_service_has_a_holiday_or_effective_dates() {
        services.officeHours("desk", "_include_regular1", "phones", "_holiday1", "2026-11-24",
                        "_effective_dates1", "2026-11-23 to 2026-11-25")
                .officeHours("phones", "_bh_regular1", "Mon-Sun 9:00-10:00");
        assertThat(services.periods("desk", "2026-11-22", 5)).containsExactly(
                "2026-11-23T09:00:00Z/2026-11-23T10:00:00Z",
                "2026-11-25T09:00:00Z/2026-11-25T10:00:00Z");
    }

    @Test
    void should_add_the_hours_of_every_level_when_an_included_service_includes_another() {
        services.officeHours("desk", "_include_regular1", "phones")
                .officeHours("phones", "_include_regular1", "chat")
                .officeHours("chat", "_bh_regular1", "Mon 9:00-10:00");
        assertThat(services.periods("desk", "2026-11-23", 1))
                .containsExactly("2026-11-23T09:00:00Z/2026-11-23T10:00:00Z");
    }

    @Test
    void should_read_included_hours_in_their_own_zone_when_the_services_are_in_different_zones() {
        services.officeHours("new-york", "_timezone", "America/New_York", "_bh_regular1", "Mon-Fri 9:00-17:00",
                        "_include_regular1", "paris")
                .officeHours("paris", "_timezone", "Europe/Paris", "_bh_regular1", "Mon-Fri 9:00-12:00");
        // Monday 2026-11-23: Paris is UTC+1, New York UTC-5; 9:00 in Paris is 3:00 in New York
        assertThat(services.periods("new-york", "2026-11-23", 1)).containsExactly(
                "2026-11-23T08:00:00Z/2026-11-23T11:00:00Z",
                "2026-11-23T14:00:00Z/2026-11-23T22:00:00Z");
    }

    @Test
    void should_cut_included_hours_at_this_service_midnight_when_they_cross_it() {
        services.officeHours("tokyo", "_timezone", "Asia/Tokyo", "_include_regular1", "paris")
                .officeHours("paris", "_timezone", "Europe/Paris", "_bh_regular1", "Mon 14:00-18:00");
        // Monday 14:00-18:00 in Paris is Monday 22:00 to Tuesday 2:00 in Tokyo
        assertThat(services.periods("tokyo", "2026-11-23", 2)).containsExactly(
                "2026-11-23T13:00:00Z/2026-11-23T15:00:00Z",
                "2026-11-23T15:00:00Z/2026-11-23T17:00:00Z");
        assertThat(services.periods("tokyo", "2026-11-22", 1)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // both zones on standard time: Paris UTC+1
        "2026-03-02, 2026-03-02T08:00:00Z/2026-03-02T09:00:00Z",
        // New York already on daylight time, Paris not yet: still UTC+1, 4:00 in New York
        "2026-03-16, 2026-03-16T08:00:00Z/2026-03-16T09:00:00Z",
        // both on daylight time: Paris UTC+2
        "2026-03-30, 2026-03-30T07:00:00Z/2026-03-30T08:00:00Z"})
    void should_follow_the_included_zone_daylight_saving_when_the_zones_change_on_other_dates(String monday,
                                                                                              String period) {
        services.officeHours("new-york", "_timezone", "America/New_York", "_include_regular1", "paris")
                .officeHours("paris", "_timezone", "Europe/Paris", "_bh_regular1", "Mon 9:00-10:00");
        assertThat(services.periods("new-york", monday, 1)).containsExactly(period);
    }

    @Test
    void should_add_a_service_once_when_it_is_included_along_two_ways() {
        services.officeHours("desk", "_include_regular1", "phones", "_include_regular2", "chat")
                .officeHours("phones", "_include_regular1", "base")
                .officeHours("chat", "_include_regular1", "base", "_bh_regular1", "Mon 12:00-13:00")
                .officeHours("base", "_bh_regular1", "Mon 9:00-10:00");
        assertThat(services.periods("desk", "2026-11-23", 1)).containsExactly(
                "2026-11-23T09:00:00Z/2026-11-23T10:00:00Z",
                "2026-11-23T12:00:00Z/2026-11-23T13:00:00Z");
    }
}
