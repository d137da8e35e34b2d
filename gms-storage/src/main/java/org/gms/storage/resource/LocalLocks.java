package org.gms.storage.resource;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Locks of LOCAL pools: exclusive on this node only, lapsing at their expiry. */
final class LocalLocks {

    private record Hold(String holder, Instant expiresAt) {
    }

    private final Map<String, Hold> holds = new ConcurrentHashMap<>();

    boolean tryHold(String number, String code, String holder, Instant now, Instant expiresAt) {
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
}
