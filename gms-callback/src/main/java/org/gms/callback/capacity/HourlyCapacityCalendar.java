package org.gms.callback.capacity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Capacity from {@link CapacitySettings}: bucket boundaries are local times (multiples of the bucket since local
 * midnight), and a bucket has the capacity of the hour profile at its local start.
 */
public final class HourlyCapacityCalendar implements CapacityCalendar {

    private final CapacitySettings settings;

    public HourlyCapacityCalendar(CapacitySettings settings) {
        this.settings = settings;
    }

    @Override
    public ZoneId zone() {
        return settings.zone();
    }

    @Override
    public Duration bucket() {
        return Duration.ofMinutes(settings.bucketMinutes());
    }

    @Override
    public int capacityAt(Instant instant) {
        LocalDateTime local = bucketStart(instant.atZone(settings.zone()).toLocalDateTime());
        return capacity(local);
    }

    /**
     * Walks the buckets as instants, each starting where the previous one ended, and gives each the capacity of its
     * local start: when clocks go back, the repeated hour is two buckets, each with that hour's capacity; when they go
     * forward, the skipped hour has none.
     */
    @Override
    public List<CapacityPeriod> periods(Instant from, Instant to) {
        List<CapacityPeriod> periods = new ArrayList<>();
        ZonedDateTime zonedFrom = from.atZone(settings.zone());
        Instant start = ZonedDateTime.ofLocal(bucketStart(zonedFrom.toLocalDateTime()), settings.zone(),
                zonedFrom.getOffset()).toInstant();
        Duration step = Duration.ofMinutes(settings.bucketMinutes());
        while (start.isBefore(to)) {
            Instant end = start.plus(step);
            Instant clippedStart = start.isBefore(from) ? from : start;
            Instant clippedEnd = end.isAfter(to) ? to : end;
            if (clippedEnd.isAfter(clippedStart)) {
                LocalDateTime local = bucketStart(start.atZone(settings.zone()).toLocalDateTime());
                periods.add(new CapacityPeriod(clippedStart, clippedEnd, capacity(local)));
            }
            start = end;
        }
        return periods;
    }

    private int capacity(LocalDateTime bucketStart) {
        return settings.profileOf(bucketStart.toLocalDate()).capacityAt(bucketStart.getHour() * 60
                + bucketStart.getMinute());
    }

    private LocalDateTime bucketStart(LocalDateTime local) {
        int minute = local.getHour() * 60 + local.getMinute();
        int start = minute - minute % settings.bucketMinutes();
        return local.toLocalDate().atStartOfDay().plusMinutes(start);
    }
}
