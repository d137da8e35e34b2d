package org.gms.push.provider.http;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bound on simultaneous work that never blocks the caller: work beyond the bound waits in a queue and starts when a
 * permit comes back. Push senders are called from the engine's few threads, which must never sit waiting for a
 * connection.
 */
final class AsyncPermits {

    private final int permits;
    private final AtomicInteger available;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Boolean> draining = ThreadLocal.withInitial(() -> false);

    AsyncPermits(int permits) {
        this.permits = permits;
        this.available = new AtomicInteger(permits);
    }

    /** Runs {@code work} now when a permit is free, else once one is; the work must {@link #release} it. */
    void submit(Runnable work) {
        waiting.add(work);
        drain();
    }

    /** Gives a permit back and starts waiting work with it. */
    void release() {
        available.incrementAndGet();
        drain();
    }

    /** No work under way or waiting. */
    boolean idle() {
        return available.get() == permits && waiting.isEmpty();
    }

    int waiting() {
        return waiting.size();
    }

    private void drain() {
        if (draining.get()) {
            // work started below completed at once and released its permit: the loop below goes on with it
            return;
        }
        draining.set(true);
        try {
            while (!waiting.isEmpty() && take()) {
                Runnable next = waiting.poll();
                if (next == null) {
                    available.incrementAndGet();
                } else {
                    next.run();
                }
            }
        } finally {
            draining.set(false);
        }
    }

    private boolean take() {
        int current;
        do {
            current = available.get();
            if (current <= 0) {
                return false;
            }
        } while (!available.compareAndSet(current, current - 1));
        return true;
    }
}
