package org.gms.chat.cometd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoalescingTest {

    /** Runs the submitted tasks only when told, one at a time. */
    private static final class ManualExecutor implements Executor {
        final Queue<Runnable> queued = new ArrayDeque<>();
        boolean refusing;

        @Override
        public void execute(Runnable task) {
            if (refusing) {
                throw new RejectedExecutionException("full");
            }
            queued.add(task);
        }

        void runAll() {
            Runnable task;
            while ((task = queued.poll()) != null) {
                task.run();
            }
        }
    }

    @Test
    void should_fold_the_wake_ups_that_come_while_it_is_queued_into_one_run() {
        ManualExecutor executor = new ManualExecutor();
        AtomicInteger runs = new AtomicInteger();
        Coalescing task = new Coalescing(runs::incrementAndGet);

        task.wake(executor);
        task.wake(executor);
        task.wake(executor);

        assertThat(executor.queued).hasSize(1);
        executor.runAll();
        assertThat(runs).hasValue(1);
    }

    @Test
    void should_run_once_more_for_a_wake_up_that_comes_while_it_runs() {
        ManualExecutor executor = new ManualExecutor();
        AtomicInteger runs = new AtomicInteger();
        Coalescing[] task = new Coalescing[1];
        task[0] = new Coalescing(() -> {
            if (runs.incrementAndGet() == 1) {
                task[0].wake(executor);
            }
        });

        task[0].wake(executor);
        executor.runAll();

        assertThat(runs).hasValue(2);
        assertThat(executor.queued).isEmpty();
    }

    @Test
    void should_keep_a_refused_wake_up_pending_for_the_next_one() {
        ManualExecutor executor = new ManualExecutor();
        AtomicInteger runs = new AtomicInteger();
        Coalescing task = new Coalescing(runs::incrementAndGet);

        executor.refusing = true;
        task.wake(executor);
        assertThat(executor.queued).isEmpty();
        executor.refusing = false;
        task.wake(executor);
        executor.runAll();

        assertThat(runs).hasValue(1);
    }

    @Test
    void should_run_again_on_the_next_wake_up_after_a_run_that_failed() {
        ManualExecutor executor = new ManualExecutor();
        AtomicInteger runs = new AtomicInteger();
        Coalescing task = new Coalescing(() -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("storage down");
            }
        });

        task.wake(executor);
        executor.runAll();
        task.wake(executor);
        executor.runAll();

        assertThat(runs).hasValue(2);
    }
}
