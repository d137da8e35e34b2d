package org.gms.storage.cluster.job;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.gms.storage.cassandra.Cql;
import org.gms.storage.cluster.lease.CassandraLeaseService;
import org.gms.storage.test.TestCassandra;

/** Several job engines on one queue of the test node, as several nodes would run them; plus a run counter. */
final class TestEngines implements AutoCloseable {

    private final Cql cql = new Cql(TestCassandra.get().session());
    private final String keyspace = TestCassandra.get().settings().keyspace();
    private final JobSettings settings;
    private final List<JobEngine> engines = new ArrayList<>();
    /** Runs per job id, on any engine. */
    final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    /** Which engine (owner) ran each job. */
    final Map<String, Set<String>> runners = new ConcurrentHashMap<>();

    TestEngines(Duration leaseTtl) {
        settings = new JobSettings("test-" + UUID.randomUUID(), 8, Duration.ofMillis(200), leaseTtl, 4, 5,
                Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMinutes(2), Duration.ofHours(1));
    }

    JobEngine engine(String owner, Clock clock) {
        JobEngine engine = new JobEngine(cql, keyspace, new CassandraLeaseService(cql, keyspace), settings, clock,
                owner);
        engines.add(engine);
        return engine;
    }

    /** A handler that counts its runs per job id and engine. */
    JobHandler counting(String owner) {
        return job -> record(job, owner);
    }

    void record(Job job, String owner) {
        runs.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
        runners.computeIfAbsent(job.id(), id -> ConcurrentHashMap.newKeySet()).add(owner);
    }

    /**
     * Schedules {@code count} jobs, at most 64 writes in flight; a write that times out on a loaded machine is retried
     * (writing the same job again is harmless: same key).
     */
    List<String> scheduleMany(JobScheduler scheduler, String type, String prefix, int count,
                              java.time.Instant due) throws InterruptedException {
        Semaphore inFlight = new Semaphore(64);
        Set<String> failed = ConcurrentHashMap.newKeySet();
        List<String> ids = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            String id = prefix + "-" + index;
            ids.add(id);
            inFlight.acquire();
            scheduler.scheduleAsync(type, id, due, "payload").whenComplete((ignored, error) -> {
                if (error != null) {
                    failed.add(id);
                }
                inFlight.release();
            });
        }
        inFlight.acquire(64);
        inFlight.release(64);
        for (String id : failed) {
            retry(() -> scheduler.schedule(type, id, due, "payload"));
        }
        return ids;
    }

    private static void retry(Runnable write) {
        for (int attempt = 1; ; attempt++) {
            try {
                write.run();
                return;
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Starts the first {@code count} engines built. */
    void startAll(int count) {
        engines.subList(0, count).forEach(JobEngine::start);
    }

    boolean isDone(String jobId) {
        return new JobDao(cql, keyspace).isDone(settings.queue(), jobId);
    }

    @Override
    public void close() throws InterruptedException {
        for (JobEngine engine : engines) {
            engine.close();
        }
    }
}
