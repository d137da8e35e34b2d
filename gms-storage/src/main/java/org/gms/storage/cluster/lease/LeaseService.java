package org.gms.storage.cluster.lease;

import java.time.Duration;
import java.util.Optional;

/**
 * Exclusive, expiring ownership of a name (master role, a slice of the job queue, a node id). Expiry is counted by
 * Cassandra (TTL), so the clocks of the nodes never matter; a dead owner's lease lapses by itself.
 */
public interface LeaseService {

    /** Takes the lease when nobody holds it (or renews it when {@code owner} already does); whether it is ours. */
    boolean acquire(String name, String owner, Duration ttl);

    /** Extends a lease we hold; false when it lapsed or someone else holds it now. */
    boolean renew(String name, String owner, Duration ttl);

    /** Gives the lease up if we hold it; whether we did. */
    boolean release(String name, String owner);

    /** The current owner, read with serial consistency. */
    Optional<String> owner(String name);

    /**
     * The owner as last written, read without a transaction: a cheap hint that spares a contended
     * {@link #acquire} when another node obviously holds the lease.
     */
    Optional<String> ownerHint(String name);
}
