package org.gms.storage.cluster.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.gms.storage.cassandra.Cql;
import org.gms.storage.cluster.lease.LeaseService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The distributed job engine of one node. Jobs live in partitions (queue, due minute, shard). Every poll the node
 * scans the recent minutes of each shard; a slice (minute, shard) with pending due jobs is claimed with a lease and its
 * jobs are run one after the other, so two nodes never work on the same slice while their leases hold. A dead
 * node's lease lapses and another node takes the slice over. A done-marker (LWT) per job id makes a job run once.
 */
public final class JobEngine implements JobScheduler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("org.gms.storage.cluster.job.queue");
    /** Minutes stay scanned this long after they end: jobs scheduled by a node whose clock is behind still run. */
    static final Duration GRACE = Duration.ofSeconds(60);
    /** A past minute with nothing pending is scanned on every fifth poll only: jobs rarely land there late. */
    static final int PAST_SCAN_EVERY = 5;

    private final JobDao dao;
    private final LeaseService leases;
    private final JobSettings settings;
    private final Clock clock;
    private final String owner;
    private final Map<String, JobHandler> handlers = new ConcurrentHashMap<>();
    private final Set<String> activeSlices = ConcurrentHashMap.newKeySet();
    private final long[] cursor;
    private final Set<String> pastPending = ConcurrentHashMap.newKeySet();
    private long polls;
    private ScheduledExecutorService poller;
    private ExecutorService workers;
    private ExecutorService runners;
    private volatile boolean paused;
    private volatile boolean halted;

    public JobEngine(Cql cql, String keyspace, LeaseService leases, JobSettings settings, Clock clock, String owner) {
        this.dao = new JobDao(cql, keyspace);
        this.leases = leases;
        this.settings = settings;
        this.clock = clock;
        this.owner = owner;
        this.cursor = new long[settings.shards()];
    }

    @Override
    public void register(String type, JobHandler handler) {
        handlers.put(type, handler);
    }

    @Override
    public CompletionStage<Void> scheduleAsync(String type, String jobId, Instant due, String payload) {
        Instant now = clock.instant();
        Instant slot = due.isBefore(now) ? now : due;
        Job job = new Job(jobId, type, payload, due, 0);
        return dao.insert(settings.queue(), bucketOf(slot), shardOf(jobId), job, ttlSeconds(slot, now));
    }

    public synchronized void start() {
        long first = bucketOf(clock.instant().minus(settings.lookback()));
        java.util.Arrays.fill(cursor, first);
        workers = Executors.newFixedThreadPool(settings.threads(), daemon("jobs-" + settings.queue()));
        runners = Executors.newFixedThreadPool(settings.threads() * 4,
                daemon("jobs-run-" + settings.queue()));
        poller = Executors.newSingleThreadScheduledExecutor(daemon("jobs-poll-" + settings.queue()));
        long period = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, 0, period, TimeUnit.MILLISECONDS);
        LOG.info("Job engine of queue {} started ({} shards, polling every {} ms)", settings.queue(),
                settings.shards(), period);
    }

    /** Stops claiming slices; running jobs finish and their slices are released. */
    public void pause() {
        if (!paused) {
            paused = true;
            LOG.info("Job engine of queue {} suspended: no new jobs are claimed", settings.queue());
        }
    }

    public void resume() {
        if (paused) {
            paused = false;
            LOG.info("Job engine of queue {} resumed", settings.queue());
        }
    }

    /** Waits until no slice is being worked on; whether that happened in time. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!activeSlices.isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return true;
    }

    /** Pauses, lets running jobs finish (up to the lease TTL), releases the slices, stops the threads. */
    @Override
    public synchronized void close() throws InterruptedException {
        if (poller == null) {
            return;
        }
        pause();
        poller.shutdownNow();
        if (!awaitIdle(settings.leaseTtl())) {
            LOG.warn("Jobs still running after {} s; stopping anyway", settings.leaseTtl().toSeconds());
        }
        workers.shutdownNow();
        runners.shutdownNow();
        poller = null;
    }

    /** Stops every thread at once without releasing anything, as a crashed node would. */
    public synchronized void halt() {
        halted = true;
        if (poller != null) {
            poller.shutdownNow();
            workers.shutdownNow();
            runners.shutdownNow();
            poller = null;
        }
    }

    public boolean isPaused() {
        return paused;
    }

    void poll() {
        if (paused || halted) {
            return;
        }
        long started = System.nanoTime();
        try {
            Instant now = clock.instant();
            long current = bucketOf(now);
            boolean scanPast = polls++ % PAST_SCAN_EVERY == 0;
            List<Integer> shards = new ArrayList<>();
            for (int shard = 0; shard < settings.shards(); shard++) {
                shards.add(shard);
            }
            // nodes start with different shards, so they rarely compete for the same slice
            Collections.shuffle(shards);
            for (int shard : shards) {
                for (long bucket = cursor[shard]; bucket <= current; bucket++) {
                    if (paused || halted || activeSlices.size() >= settings.threads()) {
                        return;
                    }
                    claim(bucket, shard, now, bucket == current || scanPast);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Polling the job queue {} failed: {}", settings.queue(), e.getMessage());
        } finally {
            LOG.trace("Polled queue {} in {} ms", settings.queue(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void claim(long bucket, int shard, Instant now, boolean scan) {
        String slice = "jobs/" + settings.queue() + "/" + bucket + "/" + shard;
        if (activeSlices.contains(slice) || !scan && !pastPending.contains(slice)) {
            return;
        }
        boolean pending = dao.due(settings.queue(), bucket, shard, now).stream().anyMatch(QueuedJob::pending);
        if (pending) {
            pastPending.add(slice);
        } else {
            pastPending.remove(slice);
            Instant bucketEnd = Instant.ofEpochSecond((bucket + 1) * 60);
            if (bucket == cursor[shard] && bucketEnd.plus(GRACE).isBefore(now)) {
                cursor[shard] = bucket + 1;
            }
            return;
        }
        Optional<String> holder = leases.ownerHint(slice);
        if (holder.isPresent() && !holder.get().equals(owner)) {
            return;
        }
        if (leases.acquire(slice, owner, settings.leaseTtl())) {
            activeSlices.add(slice);
            LOG.debug("Claimed slice {}", slice);
            workers.execute(new SliceRun(this, slice, bucket, shard));
        }
    }

    ExecutorService runners() {
        return runners;
    }

    JobDao dao() {
        return dao;
    }

    LeaseService leases() {
        return leases;
    }

    JobSettings settings() {
        return settings;
    }

    Clock clock() {
        return clock;
    }

    String owner() {
        return owner;
    }

    JobHandler handler(String type) {
        return handlers.get(type);
    }

    boolean stopping() {
        return paused || halted;
    }

    boolean halted() {
        return halted;
    }

    void sliceFinished(String slice) {
        activeSlices.remove(slice);
    }

    long bucketOf(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), 60);
    }

    int shardOf(String jobId) {
        return Math.floorMod(jobId.hashCode(), settings.shards());
    }

    /** Rows and markers live until {@code retention} after the later of the due time and now. */
    int ttlSeconds(Instant due, Instant now) {
        Instant base = due.isAfter(now) ? due : now;
        return (int) Math.min(Integer.MAX_VALUE, Duration.between(now, base).plus(settings.retention()).toSeconds());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
