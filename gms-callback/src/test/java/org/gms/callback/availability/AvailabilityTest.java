package org.gms.callback.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.callback.availability.Calendars.capacity;
import static org.gms.callback.availability.Calendars.officeHours;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvailabilityTest {

    /** Monday 8 June 2026, 08:00 in Paris. */
    private static final Instant NOW = Instant.parse("2026-06-08T06:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Instant MONDAY = Instant.parse("2026-06-07T22:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-06-08T22:00:00Z");

    private static Availability.Builder paris(int bucketMinutes, int maxRequests) {
        return Availability.builder(CLOCK)
                .officeHours(officeHours("_timezone", "Europe/Paris", "_bh_regular1", "Mon-Fri 9:00-17:00"))
                .settings(new AvailabilitySettings(bucketMinutes, maxRequests, FutureLimit.DEFAULT));
    }

    private static List<Instant> starts(List<Slot> slots) {
        return slots.stream().map(Slot::start).toList();
    }

    @Test
    void should_offer_every_bucket_of_the_open_hours_when_nothing_is_booked() {
        List<Slot> slots = paris(15, 100).build().slots(MONDAY, TUESDAY, Bookings.NONE, false, 10_000);
        assertThat(slots).hasSize(32);
        assertThat(slots.get(0)).isEqualTo(new Slot(Instant.parse("2026-06-08T07:00:00Z"),
                Instant.parse("2026-06-08T07:15:00Z"), 100, 0));
        assertThat(slots.get(31).start()).isEqualTo("2026-06-08T14:45:00Z");
        assertThat(slots).allSatisfy(slot -> {
            assertThat(Duration.between(slot.start(), slot.end())).isEqualTo(Duration.ofMinutes(15));
            assertThat(slot.free()).isEqualTo(100);
        });
    }

    @Test
    void should_leave_out_buckets_that_are_partly_closed_when_hours_do_not_fall_on_boundaries() {
        Availability availability = Availability.builder(CLOCK)
                .officeHours(officeHours("_timezone", "Europe/Paris", "_bh_regular1", "Mon-Fri 9:10-10:05"))
                .settings(new AvailabilitySettings(15, 100, FutureLimit.DEFAULT)).build();
        assertThat(starts(availability.slots(MONDAY, TUESDAY, Bookings.NONE, true, 10_000))).containsExactly(
                Instant.parse("2026-06-08T07:15:00Z"), Instant.parse("2026-06-08T07:30:00Z"),
                Instant.parse("2026-06-08T07:45:00Z"));
    }

    @Test
    void should_count_a_bucket_inside_when_two_open_periods_touch_around_it() {
        Availability availability = Availability.builder(CLOCK)
                .officeHours(officeHours("_timezone", "UTC", "_bh_regular1", "Mon 9:00-9:10",
                        "_bh_regular2", "Mon 9:10-9:20"))
                .settings(new AvailabilitySettings(20, 100, FutureLimit.DEFAULT)).build();
        assertThat(starts(availability.slots(NOW, NOW.plus(1, ChronoUnit.DAYS), Bookings.NONE, true, 100)))
                .containsExactly(Instant.parse("2026-06-08T09:00:00Z"));
    }

    @Test
    void should_skip_closed_days_when_the_range_covers_a_weekend() {
        Availability availability = paris(60, 100).build();
        Instant saturday = Instant.parse("2026-06-12T22:00:00Z");
        List<Slot> slots = availability.slots(saturday, saturday.plus(3, ChronoUnit.DAYS), Bookings.NONE, true, 100);
        assertThat(slots).hasSize(8);
        assertThat(slots.get(0).start()).isEqualTo("2026-06-15T07:00:00Z");
    }

    @Test
    void should_cap_the_capacity_at_the_maximum_per_bucket_when_the_capacity_service_allows_more() {
        Availability availability = Availability.builder(CLOCK)
                .capacity(capacity("_timezone", "Europe/Paris", "_capacity", "[Mon-Sun]",
                        "_capacity_1", "{\"1\":{\"0900\":3,\"1000\":500}}"))
                .settings(new AvailabilitySettings(30, 100, FutureLimit.DEFAULT)).build();
        assertThat(availability.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        List<Slot> all = availability.slots(MONDAY, TUESDAY, Bookings.NONE, true, 10_000);
        assertThat(all).hasSize(48);
        assertThat(all).extracting(Slot::total).containsOnly(0, 3, 100);
        List<Slot> free = availability.slots(MONDAY, TUESDAY, Bookings.NONE, false, 10_000);
        assertThat(free).extracting(Slot::start, Slot::total).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-06-08T07:00:00Z"), 3),
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-06-08T07:30:00Z"), 3),
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-06-08T08:00:00Z"), 100),
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-06-08T08:30:00Z"), 100));
    }

    @Test
    void should_take_the_maximum_per_bucket_when_there_is_no_capacity_service() {
        Availability availability = Availability.builder(CLOCK)
                .settings(new AvailabilitySettings(60, 7, FutureLimit.DEFAULT)).build();
        assertThat(availability.zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(availability.slots(NOW, NOW.plus(1, ChronoUnit.DAYS), Bookings.NONE, false, 100))
                .hasSize(24).extracting(Slot::total).containsOnly(7);
    }

    @Test
    void should_align_buckets_to_the_office_hours_zone_when_both_calendars_have_one() {
        Availability availability = Availability.builder(CLOCK)
                .officeHours(officeHours("_timezone", "Asia/Kathmandu", "_bh_regular1", "Mon-Sun 00:00-24:00"))
                .capacity(capacity("_timezone", "UTC", "_capacity", "[Mon-Sun]", "_capacity_1", "{\"0600\":5}"))
                .settings(new AvailabilitySettings(60, 100, FutureLimit.DEFAULT)).build();
        assertThat(availability.zone()).isEqualTo(ZoneId.of("Asia/Kathmandu"));
        // Kathmandu is UTC+05:45: its hours start at a quarter past in UTC, and the capacity hour is read in UTC
        assertThat(availability.slots(NOW, NOW.plus(2, ChronoUnit.HOURS), Bookings.NONE, false, 100))
                .containsExactly(new Slot(Instant.parse("2026-06-08T06:15:00Z"), Instant.parse("2026-06-08T07:15:00Z"),
                        5, 0));
    }

    @Test
    void should_subtract_live_callbacks_when_they_are_booked_anywhere_in_a_bucket() {
        Availability availability = Availability.builder(CLOCK)
                .capacity(capacity("_timezone", "Europe/Paris", "_capacity", "[Mon-Sun]",
                        "_capacity_1", "{\"0900\":3,\"1000\":2}"))
                .settings(new AvailabilitySettings(30, 100, FutureLimit.DEFAULT)).build();
        Bookings bookings = Bookings.of(List.of(Instant.parse("2026-06-08T07:00:00Z"),
                Instant.parse("2026-06-08T07:29:59.999Z"), Instant.parse("2026-06-08T07:30:00Z"),
                Instant.parse("2026-06-08T07:45:00Z"), Instant.parse("2026-06-08T07:59:00Z"),
                Instant.parse("2026-06-08T08:10:00Z"), Instant.parse("2026-06-08T08:40:00Z"),
                Instant.parse("2026-06-08T08:41:00Z"), Instant.parse("2026-06-08T08:42:00Z")));
        List<Slot> all = availability.slots(MONDAY, TUESDAY, bookings, true, 10_000).stream()
                .filter(slot -> slot.total() > 0).toList();
        assertThat(all).extracting(Slot::used).containsExactly(2, 3, 1, 3);
        assertThat(all).extracting(Slot::free).containsExactly(1, 0, 1, 0);
        assertThat(starts(availability.slots(MONDAY, TUESDAY, bookings, false, 10_000))).containsExactly(
                Instant.parse("2026-06-08T07:00:00Z"), Instant.parse("2026-06-08T08:00:00Z"));
    }

    @Test
    void should_list_full_buckets_only_when_asked_to() {
        Availability availability = paris(60, 1).build();
        Bookings bookings = Bookings.of(List.of(Instant.parse("2026-06-08T07:30:00Z")));
        assertThat(availability.slots(MONDAY, TUESDAY, bookings, false, 100)).hasSize(7)
                .noneMatch(slot -> slot.start().equals(Instant.parse("2026-06-08T07:00:00Z")));
        assertThat(availability.slots(MONDAY, TUESDAY, bookings, true, 100)).hasSize(8).first()
                .isEqualTo(new Slot(Instant.parse("2026-06-08T07:00:00Z"), Instant.parse("2026-06-08T08:00:00Z"),
                        1, 1));
    }

    @Test
    void should_stop_after_the_maximum_number_of_slots_when_more_are_free() {
        Availability availability = paris(60, 1).build();
        Bookings bookings = Bookings.of(List.of(Instant.parse("2026-06-08T07:30:00Z")));
        assertThat(starts(availability.slots(MONDAY, TUESDAY, bookings, false, 2))).containsExactly(
                Instant.parse("2026-06-08T08:00:00Z"), Instant.parse("2026-06-08T09:00:00Z"));
        assertThat(availability.slots(MONDAY, TUESDAY, bookings, true, 2)).hasSize(2);
        assertThat(availability.slots(MONDAY, TUESDAY, bookings, true, 0)).isEmpty();
    }

    @Test
    void should_offer_no_slot_past_the_future_limit_when_the_range_runs_beyond_it() {
        Availability availability = Availability.builder(CLOCK)
                .settings(new AvailabilitySettings(60, 100, FutureLimit.parseOrDefault("150m"))).build();
        assertThat(availability.latestDesiredTime()).isEqualTo("2026-06-08T08:30:00Z");
        assertThat(starts(availability.slots(NOW, NOW.plus(1, ChronoUnit.DAYS), Bookings.NONE, false, 100)))
                .containsExactly(NOW, Instant.parse("2026-06-08T07:00:00Z"), Instant.parse("2026-06-08T08:00:00Z"));
    }

    @Test
    void should_start_at_the_next_boundary_when_the_range_starts_inside_a_bucket() {
        Availability availability = paris(15, 100).build();
        assertThat(availability.slots(Instant.parse("2026-06-08T07:00:01Z"), TUESDAY, Bookings.NONE, false, 1))
                .extracting(Slot::start).containsExactly(Instant.parse("2026-06-08T07:15:00Z"));
    }

    @Test
    void should_walk_at_most_the_maximum_range_when_asked_for_more() {
        Availability availability = Availability.builder(CLOCK)
                .settings(new AvailabilitySettings(120, 100, FutureLimit.parseOrDefault("10y"))).build();
        assertThat(availability.slots(NOW, NOW.plus(3000, ChronoUnit.DAYS), Bookings.NONE, false, 1_000_000))
                .hasSize(366 * 12);
    }

    @Test
    void should_give_the_bucket_and_its_total_when_the_desired_time_is_inside_an_open_bucket() {
        Availability availability = paris(15, 100)
                .capacity(capacity("_timezone", "Europe/Paris", "_capacity", "[Mon-Sun]",
                        "_capacity_1", "{\"0900\":4}"))
                .build();
        Bookings bookings = Bookings.of(List.of(Instant.parse("2026-06-08T07:01:00Z")));
        assertThat(availability.slotOf(Instant.parse("2026-06-08T07:07:30Z"), bookings)).contains(new Slot(
                Instant.parse("2026-06-08T07:00:00Z"), Instant.parse("2026-06-08T07:15:00Z"), 4, 1));
        assertThat(availability.slotOf(Instant.parse("2026-06-08T07:00:00Z"), Bookings.NONE)).get()
                .extracting(Slot::free).isEqualTo(4);
        assertThat(availability.slotOf(Instant.parse("2026-06-08T08:00:00Z"), Bookings.NONE)).get()
                .extracting(Slot::total).isEqualTo(0);
    }

    @Test
    void should_give_no_bucket_when_the_desired_time_is_outside_the_office_hours() {
        Availability availability = Availability.builder(CLOCK)
                .officeHours(officeHours("_timezone", "Europe/Paris", "_bh_regular1", "Mon-Fri 9:10-17:00"))
                .settings(new AvailabilitySettings(15, 100, FutureLimit.DEFAULT)).build();
        assertThat(availability.slotOf(Instant.parse("2026-06-08T06:59:59Z"), Bookings.NONE)).isEmpty();
        assertThat(availability.slotOf(Instant.parse("2026-06-08T07:12:00Z"), Bookings.NONE)).isEmpty();
        assertThat(availability.slotOf(Instant.parse("2026-06-08T07:15:00Z"), Bookings.NONE)).isPresent();
        assertThat(availability.slotOf(Instant.parse("2026-06-08T15:00:00Z"), Bookings.NONE)).isEmpty();
        assertThat(availability.slotOf(Instant.parse("2026-06-13T10:00:00Z"), Bookings.NONE)).isEmpty();
    }

    @Test
    void should_suggest_the_nearest_free_slots_in_order_when_a_desired_time_is_refused() {
        Availability availability = paris(60, 1).build();
        Bookings bookings = Bookings.of(List.of(Instant.parse("2026-06-09T08:00:00Z"),
                Instant.parse("2026-06-09T09:00:00Z")));
        // 11:30 in Paris on Tuesday: 10:00 and 11:00 are full; 09:00 ends 90 minutes before, 12:00 starts 30 after
        Instant desired = Instant.parse("2026-06-09T09:30:00Z");
        assertThat(starts(availability.nearby(desired, 1, bookings))).containsExactly(
                Instant.parse("2026-06-09T10:00:00Z"));
        assertThat(starts(availability.nearby(desired, 3, bookings))).containsExactly(
                Instant.parse("2026-06-09T07:00:00Z"), Instant.parse("2026-06-09T10:00:00Z"),
                Instant.parse("2026-06-09T11:00:00Z"));
    }

    @Test
    void should_suggest_slots_across_the_weekend_and_none_before_now_when_the_office_is_closed() {
        Availability availability = paris(60, 100).build();
        Instant saturday = Instant.parse("2026-06-13T10:00:00Z");
        assertThat(starts(availability.nearby(saturday, 2, Bookings.NONE))).containsExactly(
                Instant.parse("2026-06-12T13:00:00Z"), Instant.parse("2026-06-12T14:00:00Z"));
        assertThat(starts(availability.nearby(Instant.parse("2026-06-07T10:00:00Z"), 2, Bookings.NONE)))
                .containsExactly(Instant.parse("2026-06-08T07:00:00Z"), Instant.parse("2026-06-08T08:00:00Z"));
    }

    @Test
    void should_suggest_slots_before_the_limit_when_the_desired_time_is_too_far_ahead() {
        Availability availability = paris(60, 100).build();
        assertThat(availability.latestDesiredTime()).isEqualTo("2026-07-08T06:00:00Z");
        assertThat(starts(availability.nearby(Instant.parse("2026-07-10T10:00:00Z"), 1, Bookings.NONE)))
                .containsExactly(Instant.parse("2026-07-07T14:00:00Z"));
    }

    @Test
    void should_ask_for_bookings_of_the_nearest_buckets_only_when_suggesting() {
        Availability availability = paris(60, 1).build();
        List<Instant> asked = new ArrayList<>();
        Bookings bookings = (from, to) -> {
            asked.add(from);
            return from.equals(Instant.parse("2026-06-09T09:00:00Z")) ? 1 : 0;
        };
        availability.nearby(Instant.parse("2026-06-09T09:10:00Z"), 1, bookings);
        assertThat(asked).containsExactly(Instant.parse("2026-06-09T09:00:00Z"),
                Instant.parse("2026-06-09T08:00:00Z"));
    }
}
