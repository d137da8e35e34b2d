package org.gms.server.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.gms.server.GmsServer;
import org.gms.server.GmsServerExtension;
import org.gms.storage.cluster.job.JobScheduler;
import org.gms.storage.test.BenchRows;

/**
 * Jobs executed per second across three nodes, and the lag between due time and execution (p50, p99), with the
 * default job settings, against the per-JVM test Cassandra node. Not a test: {@code scripts/gms bench jobs} runs it
 * (see README). Arguments: [jobs due over the spread (3000)] [spread seconds (15)] [burst jobs (10000)].
 */
public final class JobBenchmark {

    private static final int NODES = 3;
    private static final double BURST_TARGET = 2000;

    private final int spreadJobs;
    private final Duration spread;
    private final int burstJobs;

    private final ConcurrentLinkedQueue<Long> lagsMillis = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Instant> burstRuns = new ConcurrentLinkedQueue<>();
    private volatile Instant resumedAt;

    private JobBenchmark(int spreadJobs, Duration spread, int burstJobs) {
        this.spreadJobs = spreadJobs;
        this.spread = spread;
        this.burstJobs = burstJobs;
    }

    public static void main(String[] args) throws Exception {
        new JobBenchmark(args.length > 0 ? Integer.parseInt(args[0]) : 3_000,
                Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 15),
                args.length > 2 ? Integer.parseInt(args[2]) : 10_000).run();
        System.exit(0);
    }

    private void run() throws Exception {
        try (GmsServerExtension cluster = GmsServerExtension.noServer()) {
            ClusterTestNodes nodes = new ClusterTestNodes(cluster);
            List<GmsServer> servers = new ArrayList<>();
            for (int index = 0; index < NODES; index++) {
                // default polling (1 s) and lease TTL, as in production
                GmsServer server = nodes.start(nodes.builder(90 + index)
                        .option("cluster", "job-poll-interval", "1000")
                        .option("cluster", "job-lease-ttl", "15"));
                server.cluster().jobs().register("bench", job -> {
                    Instant now = Clock.systemUTC().instant();
                    lagsMillis.add(Duration.between(job.due(), now).toMillis());
                    burstRuns.add(now);
                });
                servers.add(server);
            }
            JobScheduler scheduler = servers.get(0).cluster().jobs();

            // due times far enough ahead that every job is written before it falls due (about 300 written/s)
            Instant start = Instant.now().plusSeconds(Math.min(30, 5 + spreadJobs / 100));
            long step = spread.toMillis() / spreadJobs;
            long began = System.nanoTime();
            schedule(scheduler, "spread", spreadJobs, index -> start.plusMillis(index * step));
            System.out.println("Scheduled " + spreadJobs + " jobs in " + (System.nanoTime() - began) / 1_000_000
                    + " ms");
            waitFor(spreadJobs, start.plus(spread).plusSeconds(120));
            report("Due jobs spread over " + spread.toSeconds() + " s (lag after due time)", lagsMillis,
                    spreadJobs, null);

            // the burst is written while every node is suspended, then all nodes resume at once
            lagsMillis.clear();
            servers.forEach(server -> server.cluster().engine().pause());
            Instant due = Instant.now();
            schedule(scheduler, "burst", burstJobs, index -> due);
            resumedAt = Clock.systemUTC().instant();
            servers.forEach(server -> server.cluster().engine().resume());
            waitFor(burstJobs, resumedAt.plusSeconds(300));
            long elapsed = Math.max(1, Duration.between(resumedAt, Instant.now()).toMillis());
            ConcurrentLinkedQueue<Long> burstLags = burstLags();
            report("Burst of " + burstJobs + " jobs (lag after the nodes resume)", burstLags, burstJobs, elapsed);
            BenchRows.print(BenchRows.atLeast("jobs burst across " + NODES + " nodes", burstLags.size() * 1000.0
                    / elapsed, "jobs/s", BURST_TARGET));
        }
    }

    private ConcurrentLinkedQueue<Long> burstLags() {
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        burstRuns.stream().filter(run -> !run.isBefore(resumedAt))
                .forEach(run -> lags.add(Duration.between(resumedAt, run).toMillis()));
        return lags;
    }

    private void schedule(JobScheduler scheduler, String prefix, int count,
                          java.util.function.IntFunction<Instant> due) throws InterruptedException {
        Semaphore inFlight = new Semaphore(256);
        for (int index = 0; index < count; index++) {
            inFlight.acquire();
            scheduler.scheduleAsync("bench", prefix + "-" + index, due.apply(index), "")
                    .whenComplete((ignored, error) -> inFlight.release());
        }
        inFlight.acquire(256);
        inFlight.release(256);
    }

    private void waitFor(int count, Instant deadline) throws InterruptedException {
        while (lagsMillis.size() < count && Instant.now().isBefore(deadline)) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static void report(String title, ConcurrentLinkedQueue<Long> lags, int expected, Long elapsedMillis) {
        List<Long> sorted = new ArrayList<>(lags);
        sorted.sort(Long::compare);
        StringBuilder line = new StringBuilder(title).append(": ").append(sorted.size()).append('/').append(expected)
                .append(" run");
        if (elapsedMillis != null) {
            line.append(", ").append(sorted.size() * 1000L / elapsedMillis).append(" jobs/s");
        }
        if (!sorted.isEmpty()) {
            line.append(", lag p50 ").append(sorted.get(sorted.size() / 2)).append(" ms, p99 ")
                    .append(sorted.get(Math.min(sorted.size() - 1, sorted.size() * 99 / 100))).append(" ms");
        }
        System.out.println(line);
    }
}
