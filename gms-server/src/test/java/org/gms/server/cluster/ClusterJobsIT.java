package org.gms.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gms.server.GmsServer;
import org.gms.server.GmsServerExtension;
import org.gms.storage.cluster.job.Job;
import org.gms.storage.cluster.job.JobHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated("asserts on heartbeats and job takeover within seconds: no other class may slow them")
class ClusterJobsIT {

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.noServer();

    private final ClusterTestNodes nodes = new ClusterTestNodes(gms);
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final Map<String, Set<Integer>> runners = new ConcurrentHashMap<>();

    @Test
    void should_run_the_jobs_of_a_killed_node_once_on_another_node_within_30_seconds() throws Exception {
        GmsServer doomed = nodes.start(51);
        CountDownLatch started = new CountDownLatch(1);
        doomed.cluster().jobs().register("work", job -> {
            started.countDown();
            // the node dies while it runs this job
            new CountDownLatch(1).await();
        });
        GmsServer survivor = nodes.start(52);
        survivor.cluster().engine().pause();
        survivor.cluster().jobs().register("work", counting(52));
        for (int index = 0; index < 20; index++) {
            doomed.cluster().jobs().schedule("work", "work-" + index, Instant.now(), "");
        }
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        survivor.cluster().engine().resume();
        doomed.cluster().halt();

        await().atMost(Duration.ofSeconds(30)).until(() -> runs.size() == 20);
        assertThat(runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(runners.values()).allSatisfy(nodeIds -> assertThat(nodeIds).containsExactly(52));
    }

    @Test
    void should_claim_no_job_when_suspended_and_claim_again_when_resumed() throws Exception {
        GmsServer suspended = nodes.start(53);
        GmsServer serving = nodes.start(54);
        suspended.cluster().jobs().register("work", counting(53));
        serving.cluster().jobs().register("work", counting(54));
        suspended.nodeStatus().suspend();
        for (int index = 0; index < 30; index++) {
            serving.cluster().jobs().schedule("work", "suspend-" + index, Instant.now(), "");
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> runs.size() == 30);
        assertThat(runners.values()).allSatisfy(nodeIds -> assertThat(nodeIds).containsExactly(54));

        suspended.nodeStatus().resume();
        serving.nodeStatus().suspend();
        suspended.cluster().jobs().schedule("work", "resumed", Instant.now(), "");
        await().atMost(Duration.ofSeconds(20)).until(() -> runs.containsKey("resumed"));
        assertThat(runners.get("resumed")).containsExactly(53);
    }

    @Test
    void should_neither_flap_nor_run_twice_when_one_clock_is_five_seconds_ahead() throws Exception {
        GmsServer exact = nodes.start(55);
        GmsServer ahead = nodes.start(56, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(5)));
        exact.cluster().jobs().register("skew", counting(55));
        ahead.cluster().jobs().register("skew", counting(56));
        await().atMost(Duration.ofSeconds(10)).until(() -> exact.cluster().members().containsKey(56)
                && ahead.cluster().members().containsKey(55));
        Instant start = Instant.now();
        for (int index = 0; index < 200; index++) {
            GmsServer scheduler = index % 2 == 0 ? exact : ahead;
            scheduler.cluster().jobs().schedule("skew", "skew-" + index, start.plusMillis(index * 30L), "");
        }

        // membership stays whole for several heartbeats while both nodes work
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(8)).until(() ->
                exact.cluster().members().keySet().containsAll(Set.of(55, 56))
                        && ahead.cluster().members().keySet().containsAll(Set.of(55, 56)));
        await().atMost(Duration.ofSeconds(30)).until(() -> runs.size() == 200);
        assertThat(runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    }

    private JobHandler counting(int nodeId) {
        return (Job job) -> {
            runs.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
            runners.computeIfAbsent(job.id(), id -> ConcurrentHashMap.newKeySet()).add(nodeId);
        };
    }
}
