package org.gms.push.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsyncPermitsTest {

    @Test
    void should_queue_work_beyond_the_bound_without_blocking_and_start_it_when_a_permit_returns() {
        AsyncPermits permits = new AsyncPermits(2);
        List<Integer> started = new ArrayList<>();
        for (int index = 0; index < 5; index++) {
            int work = index;
            permits.submit(() -> started.add(work));
        }
        assertThat(started).containsExactly(0, 1);
        assertThat(permits.waiting()).isEqualTo(3);

        permits.release();
        assertThat(started).containsExactly(0, 1, 2);
        permits.release();
        permits.release();
        assertThat(started).containsExactly(0, 1, 2, 3, 4);
        assertThat(permits.waiting()).isZero();
    }

    @Test
    void should_run_every_queued_work_when_each_completes_at_once() {
        AsyncPermits permits = new AsyncPermits(1);
        List<Integer> started = new ArrayList<>();
        Runnable blocker = () -> started.add(-1);
        permits.submit(blocker);
        for (int index = 0; index < 10_000; index++) {
            int work = index;
            // work that finishes synchronously releases its permit from inside the drain loop
            permits.submit(() -> {
                started.add(work);
                permits.release();
            });
        }
        assertThat(started).hasSize(1);

        permits.release();

        assertThat(started).hasSize(10_001);
        assertThat(permits.waiting()).isZero();
    }
}
