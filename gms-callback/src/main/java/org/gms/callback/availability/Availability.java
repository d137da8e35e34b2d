package org.gms.callback.availability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.gms.callback.calendar.OfficeHours;
import org.gms.callback.calendar.OpenPeriod;
import org.gms.callback.capacity.CapacityCalendar;

/**
 * The time slots a callback service offers: buckets of {@code _request_time_bucket} minutes aligned to local
 * midnight (see {@link BucketGrid} for daylight-saving days), kept when wholly inside the office hours, each taking
 * the capacity of its start hour at most {@code _max_request_by_time_bucket} requests, less the live callbacks
 * already booked in it. Buckets are in the office-hours time zone, else the capacity one, else UTC. An instant the
 * zone cannot express as a local time (a year past +/-999,999,999) is a {@link java.time.DateTimeException}.
 */
public final class Availability {

    /** How far from a refused desired time {@link #nearby} looks, each way. */
    public static final Duration NEARBY_SPAN = Duration.ofDays(7);
    /** The longest range {@link #slots} walks, in days, whatever it is asked. */
    public static final int MAX_DAYS = 366;
    /** {@link #MAX_DAYS} as a duration: a year of 5-minute buckets is about 105,000 of them. */
    public static final Duration MAX_RANGE = Duration.ofDays(MAX_DAYS);

    private final Clock clock;
    private final OfficeHours officeHours;
    private final CapacityCalendar capacity;
    private final AvailabilitySettings settings;
    private final BucketGrid grid;

    private Availability(Builder builder) {
        this.clock = builder.clock;
        this.officeHours = builder.officeHours;
        this.capacity = builder.capacity;
        this.settings = builder.settings;
        ZoneId zone = officeHours != null ? officeHours.zone() : capacity != null ? capacity.zone() : ZoneOffset.UTC;
        this.grid = new BucketGrid(zone, settings.bucketMinutes());
    }

    public static Builder builder(Clock clock) {
        return new Builder(clock);
    }

    /** The zone buckets are aligned to. */
    public ZoneId zone() {
        return grid.zone();
    }

    public int bucketMinutes() {
        return settings.bucketMinutes();
    }

    /** Now plus {@code _reject_future_desired_time}: a later desired time is refused, and no later slot offered. */
    public Instant latestDesiredTime() {
        return settings.futureLimit().latest(clock.instant(), zone());
    }

    /**
     * The bucket that contains {@code desired} (any time inside it), with its total and the live callbacks booked in
     * it; empty when the bucket is not wholly inside the office hours. The future limit is not checked here.
     */
    public Optional<Slot> slotOf(Instant desired, Bookings bookings) {
        Instant start = grid.floor(desired);
        Instant end = grid.next(start);
        if (officeHours != null) {
            List<OpenPeriod> open = merged(officeHours.openPeriods(start, end));
            if (open.size() != 1 || !open.get(0).start().equals(start) || !open.get(0).end().equals(end)) {
                return Optional.empty();
            }
        }
        Slot slot = new Slot(start, end, total(start), 0);
        return Optional.of(slot.withUsed(bookings.count(start, end)));
    }

    /**
     * The open buckets that start in {@code [from, to)}, {@code to} cut at {@link #latestDesiredTime()} and at
     * {@link #MAX_RANGE} after {@code from}, in order:
     * those with free requests, and the full ones too when {@code includeFull}; at most {@code maxSlots} of them.
     */
    public List<Slot> slots(Instant from, Instant to, Bookings bookings, boolean includeFull, int maxSlots) {
        List<Slot> slots = new ArrayList<>();
        if (maxSlots < 1) {
            return slots;
        }
        walk(from, earliest(to, latestDesiredTime()), bucket -> {
            Slot slot = bucket.withUsed(bookings.count(bucket.start(), bucket.end()));
            if (includeFull || slot.free() > 0) {
                slots.add(slot);
            }
            return slots.size() < maxSlots;
        });
        return slots;
    }

    /**
     * The {@code count} slots with free requests nearest to a refused desired time, in order of time: open buckets
     * starting from now to {@link #latestDesiredTime()}, at most {@link #NEARBY_SPAN} away. {@code bookings} is asked
     * about the nearest buckets first, and only until {@code count} free ones are found.
     */
    public List<Slot> nearby(Instant desired, int count, Bookings bookings) {
        if (count < 1) {
            return List.of();
        }
        Instant now = clock.instant();
        Instant from = latest(now, minus(desired, NEARBY_SPAN));
        Instant to = earliest(latestDesiredTime(), plus(desired, NEARBY_SPAN));
        List<Slot> candidates = new ArrayList<>();
        walk(from, to, bucket -> {
            if (bucket.total() > 0) {
                candidates.add(bucket);
            }
            return true;
        });
        candidates.sort(Comparator.comparing((Slot slot) -> distance(slot, desired)).thenComparing(Slot::start));
        List<Slot> found = new ArrayList<>();
        for (Slot candidate : candidates) {
            Slot slot = candidate.withUsed(bookings.count(candidate.start(), candidate.end()));
            if (slot.free() > 0) {
                found.add(slot);
                if (found.size() == count) {
                    break;
                }
            }
        }
        found.sort(Comparator.comparing(Slot::start));
        return found;
    }

    /** The first bucket boundary at or after {@code instant}. */
    Instant ceiling(Instant instant) {
        return grid.ceiling(instant);
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * Every bucket that starts in {@code [from, to)} (at most {@link #MAX_RANGE}), open or not, in order, none taken
     * yet: a closed bucket (not wholly inside the office hours) takes no request, its total is 0. The future limit is
     * not applied: this is the service's grid as a supervisor sees it.
     */
    public List<Bucket> buckets(Instant from, Instant to) {
        List<Bucket> buckets = new ArrayList<>();
        visit(from, to, (bucket, open) -> buckets.add(new Bucket(bucket, open)));
        return buckets;
    }

    /** A bucket of the grid and whether it is open (wholly inside the office hours). */
    public record Bucket(Slot slot, boolean open) {

        /** The same bucket with the places {@code bookings} take in it. */
        public Bucket booked(Bookings bookings) {
            return new Bucket(slot.withUsed(bookings.count(slot.start(), slot.end())), open);
        }
    }

    /** Told of each bucket of a walk; answers whether to go on. */
    @FunctionalInterface
    private interface BucketVisitor {
        boolean visit(Slot bucket, boolean open);
    }

    /**
     * Visits the open buckets starting in {@code [from, to)} (at most {@link #MAX_RANGE}), in order, with no booking
     * counted, while the visitor answers true.
     */
    private void walk(Instant from, Instant to, Predicate<Slot> visitor) {
        visit(from, to, (bucket, open) -> !open || visitor.test(bucket));
    }

    /** As {@link #walk}, the closed buckets too (total 0). */
    private void visit(Instant from, Instant to, BucketVisitor visitor) {
        Instant start = grid.ceiling(from);
        Instant stop = earliest(to, plus(start, MAX_RANGE));
        if (!start.isBefore(stop)) {
            return;
        }
        List<OpenPeriod> open = officeHours == null ? null
                : merged(officeHours.openPeriods(start, grid.ceiling(stop)));
        int period = 0;
        while (start.isBefore(stop)) {
            Instant end = grid.next(start);
            boolean inside = true;
            if (open != null) {
                while (period < open.size() && !open.get(period).end().isAfter(start)) {
                    period++;
                }
                inside = period < open.size() && !open.get(period).start().isAfter(start)
                        && !open.get(period).end().isBefore(end);
            }
            if (!visitor.visit(new Slot(start, end, inside ? total(start) : 0, 0), inside)) {
                return;
            }
            start = end;
        }
    }

    private int total(Instant bucketStart) {
        int max = settings.maxRequestsPerBucket();
        return capacity == null ? max : Math.max(0, Math.min(max, capacity.capacityAt(bucketStart)));
    }

    /** Touching periods as one, so that a bucket across the end of one and the start of the next is inside. */
    private static List<OpenPeriod> merged(List<OpenPeriod> periods) {
        List<OpenPeriod> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(OpenPeriod::start));
        List<OpenPeriod> merged = new ArrayList<>();
        for (OpenPeriod period : sorted) {
            int last = merged.size() - 1;
            if (last >= 0 && !period.start().isAfter(merged.get(last).end())) {
                Instant end = latest(merged.get(last).end(), period.end());
                merged.set(last, new OpenPeriod(merged.get(last).start(), end));
            } else {
                merged.add(period);
            }
        }
        return merged;
    }

    private static Duration distance(Slot slot, Instant instant) {
        if (slot.start().isAfter(instant)) {
            return Duration.between(instant, slot.start());
        }
        return slot.end().isAfter(instant) ? Duration.ZERO : Duration.between(slot.end(), instant);
    }

    private static Instant earliest(Instant first, Instant second) {
        return first.isBefore(second) ? first : second;
    }

    private static Instant latest(Instant first, Instant second) {
        return first.isAfter(second) ? first : second;
    }

    private static Instant minus(Instant instant, Duration duration) {
        return instant.isBefore(Instant.MIN.plus(duration)) ? Instant.MIN : instant.minus(duration);
    }

    private static Instant plus(Instant instant, Duration duration) {
        return instant.isAfter(Instant.MAX.minus(duration)) ? Instant.MAX : instant.plus(duration);
    }

    /** The calendars and options of one callback service. */
    public static final class Builder {

        private final Clock clock;
        private OfficeHours officeHours;
        private CapacityCalendar capacity;
        private AvailabilitySettings settings = AvailabilitySettings.DEFAULTS;

        private Builder(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** The {@code _business_hours_service} calendar; none (the default) is always open. */
        public Builder officeHours(OfficeHours hours) {
            this.officeHours = hours;
            return this;
        }

        /** The {@code _capacity_service} calendar; with none (the default) every bucket takes the maximum. */
        public Builder capacity(CapacityCalendar calendar) {
            this.capacity = calendar;
            return this;
        }

        public Builder settings(AvailabilitySettings value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        public Availability build() {
            return new Availability(this);
        }
    }
}
