package org.gms.callback.capacity;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** How many requests a capacity service accepts per time bucket. */
public interface CapacityCalendar {

    ZoneId zone();

    /** Length of a bucket ({@code _request_time_bucket}). */
    Duration bucket();

    /** The capacity of the bucket that contains {@code instant}. */
    int capacityAt(Instant instant);

    /** The buckets overlapping {@code [from, to)}, cut at local bucket boundaries and clipped to the range. */
    List<CapacityPeriod> periods(Instant from, Instant to);
}
