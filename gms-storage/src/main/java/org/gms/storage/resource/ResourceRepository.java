package org.gms.storage.resource;

import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.WriteType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.gms.core.error.ServiceUnavailableException;
import org.gms.storage.cassandra.Cql;
import org.gms.storage.error.StorageUnavailableException;

/**
 * Access-resource bookings. RANDOM hands out any resource; LOCAL holds it in this node's memory; CLUSTER holds it with
 * a lightweight transaction, so no two live bookings anywhere share a number (or a number and code pair when codes
 * are used). A booking lapses at its stored expiry (Cassandra's TTL, set a little later, only cleans up) and is
 * released on match or delete.
 */
public final class ResourceRepository {

    private static final int CODE_ATTEMPTS = 20;
    private static final int CLUSTER_BATCH = 64;

    private final ResourceLockDao locks;
    private final AccessBookingDao bookings;
    private final LocalLocks localLocks = new LocalLocks();
    private final Clock clock;

    public ResourceRepository(Cql cql, String keyspace, Clock clock) {
        this.locks = new ResourceLockDao(cql, keyspace);
        this.bookings = new AccessBookingDao(cql, keyspace);
        this.clock = clock;
    }

    /** A booking from the pool, or empty when every resource is held. */
    public Optional<Booking> allocate(ResourceGroup group, AllocationRequest request) {
        if (group.resources().isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(group.bookingTimeout());
        Optional<String[]> held = switch (group.strategy()) {
            case RANDOM -> Optional.of(randomHold(group, request));
            case LOCAL -> localHold(group, request, now, expiresAt);
            case CLUSTER -> clusterHold(group, request, now, expiresAt);
        };
        return held.map(numberAndCode -> record(group, group.strategy(), numberAndCode[0], numberAndCode[1], request,
                now, expiresAt));
    }

    /** Hands out {@code number} without any lock (the backup resource of an exhausted pool). */
    public Booking bookShared(ResourceGroup group, String number, AllocationRequest request) {
        Instant now = clock.instant();
        String code = request.wantsCode() ? uniqueCode(number, request, now) : "";
        return record(group, AllocationStrategy.RANDOM, number, code, request, now, now.plus(group.bookingTimeout()));
    }

    /** The live bookings of an access number, oldest first. */
    public List<Booking> findLive(String accessNumber) {
        Instant now = clock.instant();
        List<Booking> live = new ArrayList<>();
        for (Booking booking : bookings.find(accessNumber)) {
            if (booking.expiresAt().isAfter(now)) {
                live.add(booking);
            }
        }
        live.sort((first, second) -> first.bookedAt().compareTo(second.bookedAt()));
        return live;
    }

    /** Gives the resource back to its pool (no effect when it already lapsed or went to someone else). */
    public void release(String accessNumber, String accessCode, String serviceId, AllocationStrategy strategy) {
        bookings.delete(new Booking(accessNumber, accessCode, serviceId, "", strategy, "", "", null, null));
        releaseLock(accessNumber, accessCode, serviceId, strategy);
    }

    /**
     * Takes a booking found by {@link #findLive} for a match and gives its resource back to the pool. The booking is
     * deleted with a lightweight transaction, so of two matches racing for it (on any nodes) exactly one gets true.
     */
    public boolean claim(Booking booking) {
        if (!bookings.deleteIfExists(booking)) {
            return false;
        }
        releaseLock(booking.accessNumber(), booking.accessCode(), booking.serviceId(), booking.strategy());
        return true;
    }

    private void releaseLock(String accessNumber, String accessCode, String serviceId, AllocationStrategy strategy) {
        switch (strategy) {
            case LOCAL -> localLocks.release(accessNumber, accessCode, serviceId);
            case CLUSTER -> locks.release(accessNumber, accessCode, serviceId);
            case RANDOM -> {
            }
        }
    }

    private Booking record(ResourceGroup group, AllocationStrategy strategy, String number, String code,
                           AllocationRequest request, Instant now, Instant expiresAt) {
        Booking booking = new Booking(number, code, request.serviceId(), group.name(), strategy,
                nullToEmpty(request.phoneNumber()), nullToEmpty(request.gmsUser()), now, expiresAt);
        try {
            bookings.insert(booking, ttlSeconds(Duration.between(now, expiresAt)));
        } catch (RuntimeException e) {
            release(number, code, request.serviceId(), strategy);
            throw e;
        }
        return booking;
    }

    private String[] randomHold(ResourceGroup group, AllocationRequest request) {
        String number = group.resources().get(ThreadLocalRandom.current().nextInt(group.resources().size()));
        String code = request.wantsCode() ? uniqueCode(number, request, clock.instant()) : "";
        return new String[] {number, code};
    }

    private Optional<String[]> localHold(ResourceGroup group, AllocationRequest request, Instant now, Instant expiresAt) {
        for (String[] candidate : candidates(group, request)) {
            if (localLocks.tryHold(candidate[0], candidate[1], request.serviceId(), now, expiresAt)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private Optional<String[]> clusterHold(ResourceGroup group, AllocationRequest request, Instant now,
                                           Instant expiresAt) {
        if (request.wantsCode()) {
            return clusterHold(candidates(group, request), request, now, expiresAt, group);
        }
        // numbers in random order, a batch at a time: one read skips the visibly held ones of the batch, so a big
        // pool costs neither a read of every number nor a lost transaction per held number
        List<String> numbers = new ArrayList<>(group.resources());
        Collections.shuffle(numbers);
        for (int from = 0; from < numbers.size(); from += CLUSTER_BATCH) {
            List<String> batch = numbers.subList(from, Math.min(numbers.size(), from + CLUSTER_BATCH));
            Set<String> held = new HashSet<>();
            for (ResourceLockDao.Lock lock : locks.find(batch)) {
                if (lock.accessCode().isEmpty() && lock.expiresAt() != null && lock.expiresAt().isAfter(now)) {
                    held.add(lock.accessNumber());
                }
            }
            List<String[]> candidates = new ArrayList<>();
            for (String number : batch) {
                if (!held.contains(number)) {
                    candidates.add(new String[] {number, ""});
                }
            }
            Optional<String[]> won = clusterHold(candidates, request, now, expiresAt, group);
            if (won.isPresent()) {
                return won;
            }
        }
        return Optional.empty();
    }

    private Optional<String[]> clusterHold(List<String[]> candidates, AllocationRequest request, Instant now,
                                           Instant expiresAt, ResourceGroup group) {
        int ttl = ttlSeconds(group.bookingTimeout());
        for (String[] candidate : candidates) {
            try {
                ResourceLockDao.Lock lock = locks.insertIfAbsent(candidate[0], candidate[1], request.serviceId(),
                        expiresAt, ttl);
                if (lock.applied() || lock.expiresAt() != null && !lock.expiresAt().isAfter(now)
                        && locks.takeOver(lock, request.serviceId(), expiresAt, ttl)) {
                    return Optional.of(candidate);
                }
            } catch (StorageUnavailableException e) {
                // another node won the Paxos round for this number; the outcome of ours is unknown, and if it did
                // apply the lock lapses at its expiry, so move on to the next number
                if (!isCasContention(e)) {
                    throw e;
                }
            }
        }
        return Optional.empty();
    }

    /** Numbers (and codes) to try, in random order. */
    private List<String[]> candidates(ResourceGroup group, AllocationRequest request) {
        List<String[]> candidates = new ArrayList<>();
        if (request.wantsCode()) {
            for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
                String number = group.resources().get(ThreadLocalRandom.current().nextInt(group.resources().size()));
                candidates.add(new String[] {number, request.codes().get()});
            }
            return candidates;
        }
        List<String> numbers = new ArrayList<>(group.resources());
        Collections.shuffle(numbers);
        for (String number : numbers) {
            candidates.add(new String[] {number, ""});
        }
        return candidates;
    }

    private String uniqueCode(String number, AllocationRequest request, Instant now) {
        Set<String> used = new HashSet<>();
        for (Booking booking : bookings.find(number)) {
            if (booking.expiresAt().isAfter(now)) {
                used.add(booking.accessCode());
            }
        }
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            String code = request.codes().get();
            if (!used.contains(code)) {
                return code;
            }
        }
        throw new ServiceUnavailableException("No free access code for number " + number + "; use longer codes");
    }

    private static boolean isCasContention(StorageUnavailableException error) {
        return error.getCause() instanceof WriteTimeoutException timeout
                && (timeout.getWriteType() == WriteType.CAS || timeout.getWriteType() == WriteType.SIMPLE);
    }

    private static int ttlSeconds(Duration lifetime) {
        return (int) Math.min(Integer.MAX_VALUE, lifetime.toSeconds() + 2);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
