package org.gms.storage.cluster.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gms.storage.test.CassandraExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@ExtendWith(CassandraExtension.class)
class JobBurstIT {

    private static final Logger LOG = LoggerFactory.getLogger(JobBurstIT.class);
    private final TestEngines engines = new TestEngines(Duration.ofSeconds(10));

    @AfterEach
    void stop() throws InterruptedException {
        engines.close();
    }

    @Test
    void should_run_each_of_10000_jobs_exactly_once_when_three_nodes_share_them() throws InterruptedException {
        List<String> owners = List.of("one", "two", "three");
        for (String owner : owners) {
            JobEngine engine = engines.engine(owner, Clock.systemUTC());
            engine.register("burst", engines.counting(owner));
        }
        JobEngine first = engines.engine("scheduler", Clock.systemUTC());
        long started = System.nanoTime();
        List<String> ids = engines.scheduleMany(first, "burst", "burst", 10_000, Instant.now());
        long scheduled = System.nanoTime();
        engines.startAll(owners.size());

        await().atMost(Duration.ofSeconds(90)).until(() -> engines.runs.size() == ids.size());
        long finished = System.nanoTime();
        assertThat(engines.runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        LOG.info("10000 jobs: scheduled in {} ms, run in {} ms by {} nodes",
                (scheduled - started) / 1_000_000, (finished - scheduled) / 1_000_000, owners.size());
    }
}
