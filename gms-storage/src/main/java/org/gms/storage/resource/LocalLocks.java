package org.gms.storage.resource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks of LOCAL pools: exclusive on this node only, lapsing at their expiry. A hold that lapses without a release
 * (never matched nor deleted) is dropped by the next {@link #tryHold} after {@link #PURGE_INTERVAL}, so the map holds
 * the live holds plus at most one interval's worth of lapsed ones.
 */
final class LocalLocks {

    static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    private record Hold(String holder, Instant expiresAt) {
    }

    private final Map<String, Hold> holds = new ConcurrentHashMap<>();
    private volatile Instant nextPurge = Instant.MIN;

    boolean tryHold(String number, String code, String holder, Instant now, Instant expiresAt) {
        purgeExpired(now);
        Hold wanted = new Hold(holder, expiresAt);
        Hold result = holds.compute(number + " " + code,
                (key, current) -> current == null || !current.expiresAt().isAfter(now) ? wanted : current);
        return result == wanted;
    }

    boolean isHeld(String number, String code, Instant now) {
        Hold hold = holds.get(number + " " + code);
        return hold != null && hold.expiresAt().isAfter(now);
    }

    void release(String number, String code, String holder) {
        holds.computeIfPresent(number + " " + code, (key, current) -> current.holder().equals(holder) ? null : current);
    }

    /** The number of holds kept, lapsed ones not purged yet included. */
    int size() {
        return holds.size();
    }

    private void purgeExpired(Instant now) {
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(PURGE_INTERVAL);
        // removes an entry only while it still maps to the lapsed hold, so a hold taken meanwhile stays
        holds.values().removeIf(hold -> !hold.expiresAt().isAfter(now));
    }
}
