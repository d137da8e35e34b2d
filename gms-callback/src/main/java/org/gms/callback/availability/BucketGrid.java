package org.gms.callback.availability;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The boundaries of the time buckets of one zone: local times that are a whole number of buckets after local
 * midnight, as instants. Every bucket length divides a day, so a boundary is a local time whose seconds since the
 * local epoch are a multiple of the bucket.
 *
 * <p>Daylight-saving changes follow one rule, a bucket is the part of its local interval that exists:
 * <ul>
 * <li>clocks go forward: a boundary in the skipped hour falls on the change itself, so the buckets wholly inside the
 * skipped hour have no length and do not exist, and a bucket that straddles the change is shorter;</li>
 * <li>clocks go back: each occurrence of a repeated local boundary is a boundary, so the repeated hour has its
 * buckets twice; a bucket longer than the repeated hour whose local end is not repeated is longer.</li>
 * </ul>
 * Boundaries are strictly increasing instants, so buckets never overlap and leave no time out.
 */
final class BucketGrid {

    private final ZoneId zone;
    private final ZoneRules rules;
    private final long bucketSeconds;

    BucketGrid(ZoneId zone, int bucketMinutes) {
        if (bucketMinutes < 1 || 1440 % bucketMinutes != 0) {
            throw new IllegalArgumentException("A bucket of " + bucketMinutes + " minutes does not divide a day");
        }
        this.zone = zone;
        this.rules = zone.getRules();
        this.bucketSeconds = bucketMinutes * 60L;
    }

    ZoneId zone() {
        return zone;
    }

    /** The first boundary strictly after {@code instant}. */
    Instant next(Instant instant) {
        Instant from = instant;
        while (true) {
            ZoneOffset offset = rules.getOffset(from);
            long local = from.getEpochSecond() + offset.getTotalSeconds();
            Instant candidate = Instant.ofEpochSecond(Math.floorDiv(local, bucketSeconds) * bucketSeconds
                    + bucketSeconds - offset.getTotalSeconds());
            ZoneOffsetTransition transition = rules.nextTransition(from);
            if (transition == null || candidate.isBefore(transition.getInstant())) {
                return candidate;
            }
            if (isBoundary(transition)) {
                return transition.getInstant();
            }
            // the local time right after the change is not a boundary: go on in the new offset
            from = transition.getInstant();
        }
    }

    /** The first boundary at or after {@code instant}. */
    Instant ceiling(Instant instant) {
        Instant floor = floor(instant);
        return floor.equals(instant) ? floor : next(floor);
    }

    /** The last boundary at or before {@code instant}: the start of the bucket that contains it. */
    Instant floor(Instant instant) {
        // local midnight (or the end of a skipped midnight) is a boundary at or before any instant of its local day
        Instant boundary = instant.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        for (Instant after = next(boundary); !after.isAfter(instant); after = next(after)) {
            boundary = after;
        }
        return boundary;
    }

    /**
     * Whether the change itself is a boundary: when clocks go forward, if a boundary is skipped or the new local time
     * is one; when they go back, if the repeated local time it starts at is one.
     */
    private boolean isBoundary(ZoneOffsetTransition transition) {
        long after = localSeconds(transition.getDateTimeAfter());
        if (transition.isGap()) {
            long before = localSeconds(transition.getDateTimeBefore());
            return Math.floorDiv(after, bucketSeconds) * bucketSeconds >= before;
        }
        return Math.floorMod(after, bucketSeconds) == 0;
    }

    private static long localSeconds(LocalDateTime local) {
        return local.toEpochSecond(ZoneOffset.UTC);
    }
}
