package org.gms.callback.capacity;

import java.time.Instant;

/** The capacity of one time bucket, {@code start} inclusive and {@code end} exclusive. */
public record CapacityPeriod(Instant start, Instant end, int capacity) {
}
