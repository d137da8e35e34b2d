package org.gms.server.security.limit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A sliding one-second window per client, as Jetty's DoS filter counts: a client may send {@code limit} requests in
 * any second. Each client counts its accepted requests in 100 slots of 10 ms, so it takes the same small memory
 * whatever the limit, and a request is accepted while the last 100 slots hold fewer than {@code limit}. Clients idle
 * for a while are forgotten.
 */
public final class RateLimiter {

    private static final long WINDOW = TimeUnit.SECONDS.toNanos(1);
    private static final int SLOTS = 100;
    private static final long SLOT = WINDOW / SLOTS;
    private static final long IDLE = TimeUnit.SECONDS.toNanos(30);
    private static final int SWEEP_EVERY = 1024;

    private final LongSupplier nanoTime;
    private final Map<String, Tracker> trackers = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    public RateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Whether {@code client} may send one more request now with a limit of {@code limit} per second. */
    public boolean tryAcquire(String client, int limit) {
        long now = nanoTime.getAsLong();
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            trackers.values().removeIf(tracker -> tracker.idleSince(now) > IDLE);
        }
        Tracker tracker = trackers.computeIfAbsent(client, key -> new Tracker(now));
        return tracker.tryAcquire(now, limit);
    }

    int trackedClients() {
        return trackers.size();
    }

    private static final class Tracker {
        private final int[] counts = new int[SLOTS];
        private long currentSlot;
        private int total;
        private long last;

        Tracker(long now) {
            currentSlot = Math.floorDiv(now, SLOT);
            last = now;
        }

        synchronized boolean tryAcquire(long now, int limit) {
            advance(Math.floorDiv(now, SLOT));
            last = now;
            if (total >= limit) {
                return false;
            }
            counts[(int) Math.floorMod(currentSlot, (long) SLOTS)]++;
            total++;
            return true;
        }

        /** Empties the slots that left the window since the last request. */
        private void advance(long slot) {
            long steps = Math.min(SLOTS, slot - currentSlot);
            for (long step = 1; step <= steps; step++) {
                int index = (int) Math.floorMod(currentSlot + step, (long) SLOTS);
                total -= counts[index];
                counts[index] = 0;
            }
            currentSlot = Math.max(currentSlot, slot);
        }

        synchronized long idleSince(long now) {
            return now - last;
        }
    }
}
