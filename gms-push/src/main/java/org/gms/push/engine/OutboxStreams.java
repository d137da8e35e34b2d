package org.gms.push.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gms.storage.cluster.lease.LeaseService;
import org.gms.storage.push.OutboxDao;
import org.gms.storage.push.OutboxStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox streams an engine owns. Each engine incarnation writes its deliveries into a stream of its own, guarded
 * by a lease it renews; it may also own streams it adopted from stopped engines until it has drained them. Owning a
 * stream by lease, rather than each delivery, keeps leases off the path of a push. Not thread-safe: the engine calls
 * it from its maintenance task only, except for the reads of {@link #current()} and {@link #owns}.
 */
final class OutboxStreams {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxStreams.class);
    private static final String LEASE_PREFIX = "push-stream/";

    private final OutboxDao outbox;
    private final LeaseService leases;
    private final EngineSettings settings;
    private final Clock clock;
    private final Set<String> owned = ConcurrentHashMap.newKeySet();
    private volatile OutboxStream current;
    private Instant listedAt;
    private int generation;

    OutboxStreams(OutboxDao outbox, LeaseService leases, EngineSettings settings, Clock clock) {
        this.outbox = outbox;
        this.leases = leases;
        this.settings = settings;
        this.clock = clock;
    }

    /** Opens a new stream for this engine's deliveries; throws when storage refuses. */
    void open(long firstBucket) {
        generation++;
        String name = generation == 1 ? settings.nodeId() : settings.nodeId() + "~" + generation;
        if (!leases.acquire(LEASE_PREFIX + name, settings.nodeId(), settings.lease())) {
            throw new IllegalStateException("The outbox stream [" + name + "] is already owned");
        }
        OutboxStream stream = new OutboxStream(name, firstBucket, clock.instant());
        outbox.register(stream, seconds(settings.retention()));
        listedAt = stream.startedAt();
        owned.add(name);
        current = stream;
    }

    /** The stream new deliveries are written to. */
    String current() {
        return current.stream();
    }

    boolean owns(String stream) {
        return owned.contains(stream);
    }

    /**
     * Renews the leases of every owned stream. A stream whose lease was lost (this node looked dead for a whole lease)
     * now belongs to whoever adopted it: it is dropped, and a lost current stream is replaced by a new one.
     */
    void renew(long bucketNow) {
        for (String stream : List.copyOf(owned)) {
            String lease = LEASE_PREFIX + stream;
            if (leases.renew(lease, settings.nodeId(), settings.lease())
                    || leases.acquire(lease, settings.nodeId(), settings.lease())) {
                continue;
            }
            owned.remove(stream);
            if (stream.equals(current())) {
                LOG.warn("Lost the lease of push outbox stream [{}]: another node adopted it; opening a new one",
                        stream);
                open(bucketNow);
            } else {
                LOG.warn("Lost the lease of adopted push outbox stream [{}] to another node", stream);
            }
        }
        Instant now = clock.instant();
        if (now.isAfter(listedAt.plus(settings.retention().dividedBy(2)))) {
            // the listing has a TTL: renewed long before it lapses, not at every pass
            outbox.register(current, seconds(settings.retention()));
            listedAt = now;
        }
    }

    /** Streams left behind by stopped engines (lease lapsed), now owned by this one; each to be drained. */
    List<OutboxStream> adoptLeftBehind() {
        List<OutboxStream> adopted = new ArrayList<>();
        for (OutboxStream stream : outbox.streams()) {
            String lease = LEASE_PREFIX + stream.stream();
            if (owned.contains(stream.stream()) || leases.ownerHint(lease).isPresent()) {
                continue;
            }
            if (leases.acquire(lease, settings.nodeId(), settings.lease())) {
                LOG.info("Adopted push outbox stream [{}] of a stopped node", stream.stream());
                owned.add(stream.stream());
                adopted.add(stream);
            }
        }
        return adopted;
    }

    /** Unlists a drained adopted stream and gives its lease up. */
    void retire(String stream) {
        outbox.unregister(stream);
        owned.remove(stream);
        leases.release(LEASE_PREFIX + stream, settings.nodeId());
        LOG.info("Push outbox stream [{}] drained", stream);
    }

    /** Gives every lease up at stop, so that another node (or this one, restarted) adopts the streams at once. */
    void releaseAll() {
        for (String stream : List.copyOf(owned)) {
            try {
                leases.release(LEASE_PREFIX + stream, settings.nodeId());
            } catch (RuntimeException e) {
                LOG.warn("Cannot release push outbox stream [{}]; it is adopted once its lease lapses: {}", stream,
                        e.toString());
            }
            owned.remove(stream);
        }
    }

    static int seconds(java.time.Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toSeconds()));
    }
}
