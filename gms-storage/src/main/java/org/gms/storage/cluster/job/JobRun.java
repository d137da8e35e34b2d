package org.gms.storage.cluster.job;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of one job: skip it when its done-marker exists, run the handler, then write the done-marker or the retry.
 * Returns the row's new state, which the slice writes for a batch of runs at once.
 */
final class JobRun implements Callable<String> {

    private static final Logger LOG = LoggerFactory.getLogger("org.gms.storage.cluster.job.executor");

    private final JobEngine engine;
    private final QueuedJob row;
    private final String queue;

    JobRun(JobEngine engine, QueuedJob row) {
        this.engine = engine;
        this.row = row;
        this.queue = engine.settings().queue();
    }

    /** The new state of the row; {@code null} when the node is halting and must leave the row as it is. */
    @Override
    public String call() {
        Job job = row.job();
        JobDao dao = engine.dao();
        JobHandler handler = engine.handler(job.type());
        boolean marked = handler == null || !handler.idempotent();
        if (marked && dao.isDone(queue, job.id())) {
            return QueuedJob.DONE;
        }
        try {
            if (handler == null) {
                throw new IllegalStateException("no handler for job type " + job.type() + " on this node");
            }
            handler.run(job);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return engine.halted() ? null : failed(job, e);
        }
        if (engine.halted()) {
            return null;
        }
        Instant now = now();
        if (marked && !dao.markDone(queue, job.id(), QueuedJob.DONE, engine.owner(), now,
                engine.ttlSeconds(job.due(), now))) {
            LOG.warn("Job {} ({}) ran again after another run had completed it", job.id(), job.type());
        }
        return QueuedJob.DONE;
    }

    private String failed(Job job, Exception error) {
        Instant now = now();
        JobDao dao = engine.dao();
        int next = job.attempt() + 1;
        if (next >= engine.settings().maxAttempts()) {
            LOG.warn("Job {} ({}) failed {} times; giving up: {}", job.id(), job.type(), next, error.toString());
            dao.markDone(queue, job.id(), QueuedJob.FAILED, engine.owner(), now, engine.ttlSeconds(job.due(), now));
            return QueuedJob.FAILED;
        }
        Instant retryAt = now.plus(engine.settings().backoff(job.attempt()));
        LOG.info("Job {} ({}) failed (attempt {}), retrying at {}: {}", job.id(), job.type(), next, retryAt,
                error.toString());
        Job retry = new Job(job.id(), job.type(), job.payload(), retryAt, next);
        dao.insert(queue, engine.bucketOf(retryAt), engine.shardOf(job.id()), retry, engine.ttlSeconds(retryAt, now))
                .toCompletableFuture().join();
        return QueuedJob.RETRIED;
    }

    private Instant now() {
        return engine.clock().instant();
    }
}
