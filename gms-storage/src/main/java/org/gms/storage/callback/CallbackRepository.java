package org.gms.storage.callback;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.gms.storage.cassandra.Cql;

/**
 * Callbacks in Cassandra: the record, its indexes (lookup keys, desired time, active queue) kept beside it, capacity
 * seats and throttle counters. A record changes only by compare-and-set on its version, so two nodes never both
 * apply a transition. Index rows are hints: whatever is read through an index is checked against the record.
 */
public final class CallbackRepository {

    /** States of a callback that was submitted and is not finished: it has a row in {@code callback_active}. */
    public static final Set<String> ACTIVE_STATES = Set.of("QUEUED", "ROUTING", "PROCESSING", "PAUSED");
    /** At most this many records are read for one query. */
    public static final int MAX_MATCHES = 5000;

    private final CallbackDao dao;
    private final Clock clock;

    public CallbackRepository(Cql cql, String keyspace, Clock clock) {
        this.dao = new CallbackDao(cql, keyspace);
        this.clock = clock;
    }

    /** Writes a new callback and its index rows in one logged batch: all of it is stored, or none. */
    public void create(StoredCallback callback, Map<String, String> lookups) {
        int ttl = ttl(callback);
        List<BoundStatement> statements = new ArrayList<>();
        statements.add(dao.insert(callback, ttl));
        lookups.forEach((name, value) -> statements.add(dao.insertKey(name, value, callback.id(), callback.service(),
                ttl)));
        statements.add(dao.insertTime(callback.service(), callback.desiredTime(), callback.id(), ttl));
        if (ACTIVE_STATES.contains(callback.state())) {
            statements.add(dao.insertActive(callback, ttl));
        }
        dao.executeLogged(statements);
    }

    public Optional<StoredCallback> find(String id) {
        return dao.find(id).toCompletableFuture().join().filter(this::live);
    }

    /** The live records of these ids, in the order given; unknown and expired ids are left out. */
    public List<StoredCallback> findAll(Collection<String> ids) {
        List<CompletableFuture<Optional<StoredCallback>>> reads = new ArrayList<>();
        for (String id : ids) {
            reads.add(dao.find(id).toCompletableFuture());
            if (reads.size() >= MAX_MATCHES) {
                break;
            }
        }
        List<StoredCallback> found = new ArrayList<>();
        for (CompletableFuture<Optional<StoredCallback>> read : reads) {
            read.join().filter(this::live).ifPresent(found::add);
        }
        return found;
    }

    /**
     * Replaces {@code previous} by {@code next} if nobody changed it since it was read ({@code next.version()} must
     * be {@code previous.version() + 1}), then moves its index rows.
     *
     * @return false when another change came first: read it again
     */
    public boolean replace(StoredCallback previous, StoredCallback next, Map<String, String> lookupsBefore,
                           Map<String, String> lookupsAfter) {
        if (next.version() != previous.version() + 1 || !next.id().equals(previous.id())) {
            throw new IllegalArgumentException("a replacement has the same id and the next version");
        }
        int ttl = ttl(next);
        if (!dao.replace(next, previous.version(), ttl)) {
            return false;
        }
        List<CompletableFuture<?>> writes = new ArrayList<>();
        lookupsBefore.forEach((name, value) -> {
            if (!value.equals(lookupsAfter.get(name))) {
                writes.add(dao.executeAsync(dao.deleteKey(name, value, next.id())).toCompletableFuture());
            }
        });
        // index rows are rewritten only when they change, or when the callback lives longer than they do
        boolean longer = !next.expiresAt().equals(previous.expiresAt());
        lookupsAfter.forEach((name, value) -> {
            if (longer || !value.equals(lookupsBefore.get(name))) {
                writes.add(dao.executeAsync(dao.insertKey(name, value, next.id(), next.service(), ttl))
                        .toCompletableFuture());
            }
        });
        boolean moved = !previous.desiredTime().equals(next.desiredTime());
        if (moved) {
            writes.add(dao.executeAsync(dao.deleteTime(previous.service(), previous.desiredTime(), previous.id()))
                    .toCompletableFuture());
        }
        if (moved || longer) {
            writes.add(dao.executeAsync(dao.insertTime(next.service(), next.desiredTime(), next.id(), ttl))
                    .toCompletableFuture());
        }
        boolean activeChanged = !previous.state().equals(next.state()) || !previous.queue().equals(next.queue())
                || moved || longer;
        if (activeChanged && ACTIVE_STATES.contains(next.state())) {
            writes.add(dao.executeAsync(dao.insertActive(next, ttl)).toCompletableFuture());
        } else if (activeChanged && ACTIVE_STATES.contains(previous.state())) {
            writes.add(dao.executeAsync(dao.deleteActive(previous.service(), previous.id())).toCompletableFuture());
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        return true;
    }

    /** The live callbacks whose field {@code name} (a lookup key when stored) is {@code value}. */
    public List<StoredCallback> byKey(String name, String value) {
        Map<String, String> ids = dao.idsByKey(name, value, MAX_MATCHES);
        List<StoredCallback> matches = new ArrayList<>();
        for (StoredCallback callback : findAll(ids.keySet())) {
            if (value.equals(callback.data().get(name))) {
                matches.add(callback);
            }
        }
        return matches;
    }

    /** The live callbacks of a service with a desired time in {@code [from, to)}, in desired-time order. */
    public List<StoredCallback> byTime(String service, Instant from, Instant to, int limit) {
        List<String> ids = new ArrayList<>();
        for (long day = CallbackDao.day(from); day <= CallbackDao.day(to.minusMillis(1)) && ids.size() < limit;
             day++) {
            ids.addAll(dao.idsByTime(service, day, from, to, limit - ids.size()));
        }
        List<StoredCallback> matches = new ArrayList<>();
        for (StoredCallback callback : findAll(ids)) {
            if (callback.service().equals(service) && !callback.desiredTime().isBefore(from)
                    && callback.desiredTime().isBefore(to)) {
                matches.add(callback);
            }
        }
        return matches;
    }

    /** The index rows of a service's submitted, unfinished callbacks (hints: check them against the records). */
    public List<ActiveCallback> active(String service) {
        return dao.active(service, MAX_MATCHES);
    }

    /** Removes an index row found stale (its record is finished or gone). */
    public void dropActive(String service, String id) {
        dao.executeAsync(dao.deleteActive(service, id));
    }

    /** Places taken per slot start, for the given slot starts of a service. */
    public Map<Instant, Integer> used(String service, List<Instant> slots) {
        Map<Instant, Integer> used = new LinkedHashMap<>();
        for (int from = 0; from < slots.size(); from += 100) {
            dao.seats(service, slots.subList(from, Math.min(slots.size(), from + 100)))
                    .forEach((slot, seats) -> used.put(slot, seats.size()));
        }
        return used;
    }

    /** The places taken in one slot: seat number to holder (a callback id). */
    public Map<Integer, String> seats(String service, Instant slot) {
        return dao.seats(service, List.of(slot)).getOrDefault(slot, Map.of());
    }

    /** Takes place {@code seat} of a slot if it is free; kept {@code ttl} long at most. */
    public boolean claimSeat(String service, Instant slot, int seat, String holder, Duration ttl) {
        return dao.claimSeat(service, slot, seat, holder, seconds(ttl));
    }

    public boolean releaseSeat(String service, Instant slot, int seat, String holder) {
        return dao.releaseSeat(service, slot, seat, holder);
    }

    public Optional<String> counter(String name) {
        return dao.counter(name);
    }

    /** Creates a counter if it does not exist. */
    public boolean createCounter(String name, String state, Duration ttl) {
        return dao.createCounter(name, state, seconds(ttl));
    }

    /** Replaces a counter's state if it is still {@code expected}. */
    public boolean replaceCounter(String name, String expected, String state, Duration ttl) {
        return dao.replaceCounter(name, expected, state, seconds(ttl));
    }

    private boolean live(StoredCallback callback) {
        return Objects.requireNonNull(callback.expiresAt()).isAfter(clock.instant());
    }

    private int ttl(StoredCallback callback) {
        return seconds(Duration.between(clock.instant(), callback.expiresAt()));
    }

    private static int seconds(Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toSeconds() + 1));
    }
}
