package org.gms.server.security.limit;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A sliding one-second window per client, as Jetty's DoS filter counts: a client may send {@code limit} requests in
 * any second. Each client keeps the times of its last {@code limit} accepted requests; a request is accepted when the
 * oldest of them is more than a second old. Clients idle for a while are forgotten.
 */
public final class RateLimiter {

    private static final long WINDOW = TimeUnit.SECONDS.toNanos(1);
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
        Tracker tracker = trackers.computeIfAbsent(client, key -> new Tracker());
        return tracker.tryAcquire(now, limit);
    }

    int trackedClients() {
        return trackers.size();
    }

    private static final class Tracker {
        private long[] times = new long[0];
        private int next;
        private long last;

        synchronized boolean tryAcquire(long now, int limit) {
            if (times.length != limit) {
                times = new long[limit];
                Arrays.fill(times, Long.MIN_VALUE / 2);
                next = 0;
            }
            last = now;
            if (now - times[next] < WINDOW) {
                return false;
            }
            times[next] = now;
            next = (next + 1) % limit;
            return true;
        }

        synchronized long idleSince(long now) {
            return now - last;
        }
    }
}
