package org.gms.chat.cometd;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task on an executor, never twice at once: wake-ups while it is queued or running fold into one more run,
 * so a session has at most one task waiting whatever the rate of events. A wake-up the executor refuses (its queue
 * is full) is kept pending and retried by the next one (the poll sends one every interval).
 */
final class Coalescing {

    private static final Logger LOG = LoggerFactory.getLogger(Coalescing.class);

    private final Runnable task;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();

    Coalescing(Runnable task) {
        this.task = task;
    }

    void wake(Executor executor) {
        pending.set(true);
        submit(executor);
    }

    private void submit(Executor executor) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> drain(executor));
        } catch (RejectedExecutionException e) {
            running.set(false);
        }
    }

    private void drain(Executor executor) {
        try {
            while (pending.getAndSet(false)) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    // the next wake-up (the poll's at the latest) runs it again
                    LOG.warn("A CometD delivery failed: {}", e.toString(), e);
                }
            }
        } finally {
            running.set(false);
        }
        // a wake-up between the last check and the release above found the task running: run once more for it
        if (pending.get()) {
            submit(executor);
        }
    }
}
