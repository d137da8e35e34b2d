package org.gms.callback.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.callback.availability.Calendars.officeHours;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The buckets of the days clocks change, in both hemispheres: as many as the day has hours, none overlapping. */
class AvailabilityDaylightSavingTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static Availability availability(String zone, int bucketMinutes) {
        return Availability.builder(CLOCK)
                .officeHours(officeHours("_timezone", zone, "_bh_regular1", "Mon-Sun 00:00-24:00"))
                .settings(new AvailabilitySettings(bucketMinutes, 100, FutureLimit.parseOrDefault("1y"))).build();
    }

    private static List<Slot> day(Availability availability, String date) {
        ZoneId zone = availability.zone();
        LocalDate day = LocalDate.parse(date);
        return availability.slots(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant(),
                Bookings.NONE, true, 10_000);
    }

    private static List<Long> minutes(List<Slot> slots) {
        return slots.stream().map(slot -> Duration.between(slot.start(), slot.end()).toMinutes()).toList();
    }

    /** Each slot starts where the one before ended: none overlap and no time between them is lost. */
    private static void assertContiguous(List<Slot> slots, String zone, String date) {
        LocalDate day = LocalDate.parse(date);
        assertThat(slots.get(0).start()).isEqualTo(day.atStartOfDay(ZoneId.of(zone)).toInstant());
        assertThat(slots.get(slots.size() - 1).end()).isEqualTo(day.plusDays(1).atStartOfDay(ZoneId.of(zone))
                .toInstant());
        for (int index = 1; index < slots.size(); index++) {
            assertThat(slots.get(index).start()).isEqualTo(slots.get(index - 1).end());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "Europe/Paris, 2026-03-29, 23, 2, 0",
        "Europe/Paris, 2026-10-25, 25, 2, 24",
        "America/New_York, 2026-03-08, 23, 2, 0",
        "America/New_York, 2026-11-01, 25, 1, 24",
        "Australia/Sydney, 2026-04-05, 25, 2, 24",
        "Australia/Sydney, 2026-10-04, 23, 2, 0",
        "Europe/Paris, 2026-06-08, 24, 2, 12",
        // Santiago changes at midnight: 23:00 repeats at the end of 4 April, 6 September starts at 01:00
        "America/Santiago, 2026-04-04, 25, 23, 24",
        "America/Santiago, 2026-09-06, 23, 0, 0"})
    void should_have_as_many_five_minute_slots_as_the_day_has_hours_when_clocks_change(
            String zone, String date, int hours, int changeHour, int slotsInTheChangeHour) {
        Availability availability = availability(zone, 5);
        List<Slot> slots = day(availability, date);
        assertThat(slots).hasSize(hours * 12);
        assertThat(minutes(slots)).containsOnly(5L);
        assertContiguous(slots, zone, date);
        // the local hour that is skipped (none of its slots) or repeated (its slots twice)
        assertThat(slots.stream().filter(slot -> slot.start().atZone(availability.zone()).getHour() == changeHour))
                .hasSize(slotsInTheChangeHour);
    }

    /** {@code 120,60,120*10}: minutes of each slot, {@code *n} repeating one n times. */
    private static List<Long> expand(String minutes) {
        List<Long> expanded = new ArrayList<>();
        for (String item : minutes.split(",")) {
            String[] repeated = item.split("\\*");
            int times = repeated.length > 1 ? Integer.parseInt(repeated[1]) : 1;
            for (int count = 0; count < times; count++) {
                expanded.add(Long.valueOf(repeated[0]));
            }
        }
        return expanded;
    }

    @ParameterizedTest(name = "{0} {1}, {2} minutes")
    @CsvSource({
        // clocks forward at 02:00: the 00:00 bucket ends at 03:00 (2 hours), the 02:00 one is the hour that is left
        "Europe/Paris, 2026-03-29, 120, '120,60,120*10'",
        // clocks back at 03:00: 02:00 happens twice, each time a boundary
        "Europe/Paris, 2026-10-25, 120, '120,60,120*11'",
        // clocks forward at 02:00 to 03:00: the same as Paris
        "America/New_York, 2026-03-08, 120, '120,60,120*10'",
        // clocks back at 02:00 to 01:00: 02:00 happens once, so the 00:00 bucket lasts 3 hours
        "America/New_York, 2026-11-01, 120, '180,120*11'",
        "Australia/Sydney, 2026-10-04, 60, '60*23'",
        "Australia/Sydney, 2026-04-05, 30, '30*50'",
        // Lord Howe Island moves half an hour: forward at 02:00, the 02:00 bucket keeps 02:30-03:00
        "Australia/Lord_Howe, 2026-10-04, 60, '60*2,30,60*21'",
        // back at 02:00 to 01:30: 02:00 happens once, so the 01:00 bucket lasts 90 minutes
        "Australia/Lord_Howe, 2026-04-05, 60, '60,90,60*22'"})
    void should_keep_the_part_of_each_bucket_that_exists_when_buckets_are_longer_than_the_change(
            String zone, String date, int bucketMinutes, String expectedMinutes) {
        List<Slot> slots = day(availability(zone, bucketMinutes), date);
        assertThat(minutes(slots)).containsExactlyElementsOf(expand(expectedMinutes));
        assertContiguous(slots, zone, date);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "Europe/Paris, 2026-03-29T01:00:00Z, 2026-03-29T01:00:00Z, 2026-03-29T01:05:00Z",
        "Europe/Paris, 2026-10-25T00:57:00Z, 2026-10-25T00:55:00Z, 2026-10-25T01:00:00Z",
        "Europe/Paris, 2026-10-25T01:02:00Z, 2026-10-25T01:00:00Z, 2026-10-25T01:05:00Z",
        "America/New_York, 2026-11-01T05:59:59Z, 2026-11-01T05:55:00Z, 2026-11-01T06:00:00Z",
        "Australia/Sydney, 2026-04-04T16:00:00Z, 2026-04-04T16:00:00Z, 2026-04-04T16:05:00Z"})
    void should_find_the_bucket_of_a_desired_time_when_it_is_in_the_changing_hour(String zone, String desired,
                                                                                 String start, String end) {
        assertThat(availability(zone, 5).slotOf(Instant.parse(desired), Bookings.NONE))
                .contains(new Slot(Instant.parse(start), Instant.parse(end), 100, 0));
    }
}
