package org.gms.storage.push;

import java.time.Instant;

/**
 * A stream of the push outbox: the deliveries recorded by one engine incarnation.
 *
 * @param stream      its name, also the name of the lease that guards it
 * @param firstBucket oldest time bucket it may have written to
 * @param startedAt   when the engine opened it
 */
public record OutboxStream(String stream, long firstBucket, Instant startedAt) {
}
