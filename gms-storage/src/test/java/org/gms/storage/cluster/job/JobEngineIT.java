package org.gms.storage.cluster.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.gms.storage.test.CassandraExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CassandraExtension.class)
class JobEngineIT {

    private final TestEngines engines = new TestEngines(Duration.ofSeconds(3));

    @AfterEach
    void stop() throws InterruptedException {
        engines.close();
    }

    @Test
    void should_run_a_job_once_when_it_falls_due() throws InterruptedException {
        JobEngine engine = engines.engine("a", Clock.systemUTC());
        engine.register("once", engines.counting("a"));
        engine.start();
        Instant due = Instant.now().plusMillis(500);
        engines.scheduleMany(engine, "once", "once", 3, due);

        await().atMost(Duration.ofSeconds(10)).until(() -> engines.runs.size() == 3);
        assertThat(engines.runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(engines.isDone("once-0")).isTrue();
    }

    @Test
    void should_run_an_idempotent_job_once_without_a_done_marker() throws InterruptedException {
        JobEngine engine = engines.engine("a", Clock.systemUTC());
        engine.register("repeatable", JobHandler.idempotent(engines.counting("a")));
        engine.start();
        engines.scheduleMany(engine, "repeatable", "repeatable", 3, Instant.now().plusMillis(500));

        await().atMost(Duration.ofSeconds(10)).until(() -> engines.runs.size() == 3);
        // the job rows' states keep the later polls from running them again
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> engines.runs.values().stream().allMatch(count -> count.get() == 1));
        assertThat(engines.runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(engines.isDone("repeatable-0")).isFalse();
    }

    @Test
    void should_retry_with_backoff_when_the_handler_fails() throws InterruptedException {
        JobEngine engine = engines.engine("a", Clock.systemUTC());
        AtomicInteger attempts = new AtomicInteger();
        engine.register("flaky", job -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("not yet (attempt " + job.attempt() + ")");
            }
            engines.record(job, "a");
        });
        engine.start();
        engine.schedule("flaky", "flaky-1", Instant.now(), "");

        await().atMost(Duration.ofSeconds(15)).until(() -> engines.runs.containsKey("flaky-1"));
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(engines.runs.get("flaky-1").get()).isEqualTo(1);
    }

    @Test
    void should_give_a_job_up_when_it_fails_every_attempt() throws InterruptedException {
        JobEngine engine = engines.engine("a", Clock.systemUTC());
        AtomicInteger attempts = new AtomicInteger();
        engine.register("broken", job -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("always");
        });
        engine.start();
        engine.schedule("broken", "broken-1", Instant.now(), "");

        await().atMost(Duration.ofSeconds(20)).until(() -> engines.isDone("broken-1"));
        assertThat(attempts.get()).isEqualTo(5);
    }

    @Test
    void should_run_the_jobs_of_a_killed_node_once_on_another_node() throws InterruptedException {
        JobEngine doomed = engines.engine("doomed", Clock.systemUTC());
        CountDownLatch started = new CountDownLatch(1);
        doomed.register("work", job -> {
            started.countDown();
            // the node dies in the middle of this job: it never completes here
            new CountDownLatch(1).await();
        });
        doomed.start();
        Instant due = Instant.now().plusMillis(300);
        List<String> ids = engines.scheduleMany(doomed, "work", "work", 20, due);
        assertThat(started.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        doomed.halt();

        JobEngine survivor = engines.engine("survivor", Clock.systemUTC());
        survivor.register("work", engines.counting("survivor"));
        survivor.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> engines.runs.size() == ids.size());
        assertThat(engines.runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(engines.runners.values()).allSatisfy(owners -> assertThat(owners).containsExactly("survivor"));
    }

    @Test
    void should_stop_claiming_when_paused_and_continue_when_resumed() throws InterruptedException {
        JobEngine engine = engines.engine("a", Clock.systemUTC());
        engine.register("later", engines.counting("a"));
        engine.start();
        engine.pause();
        engine.schedule("later", "later-1", Instant.now(), "");
        // several polls (every 200 ms) of the paused engine pass without the job running
        await().pollDelay(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2))
                .until(() -> engines.runs.isEmpty());
        engine.resume();
        await().atMost(Duration.ofSeconds(10)).until(() -> engines.runs.containsKey("later-1"));
    }

    @Test
    void should_run_each_job_once_when_one_clock_is_five_seconds_ahead() throws InterruptedException {
        JobEngine exact = engines.engine("exact", Clock.systemUTC());
        JobEngine ahead = engines.engine("ahead", Clock.offset(Clock.systemUTC(), Duration.ofSeconds(5)));
        exact.register("skew", engines.counting("exact"));
        ahead.register("skew", engines.counting("ahead"));
        exact.start();
        ahead.start();
        List<String> ids = new java.util.ArrayList<>();
        Instant start = Instant.now();
        for (int second = 0; second < 8; second++) {
            ids.addAll(engines.scheduleMany(second % 2 == 0 ? exact : ahead, "skew", "skew" + second, 50,
                    start.plusSeconds(second)));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> engines.runs.size() == ids.size());
        assertThat(engines.runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    }
}
