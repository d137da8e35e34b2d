package org.gms.storage.cluster.job;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One run of one job: skip it when its done-marker exists, run the handler, then mark it done or retry it. */
final class JobRun {

    private static final Logger LOG = LoggerFactory.getLogger("org.gms.storage.cluster.job.executor");

    private final JobEngine engine;
    private final QueuedJob row;
    private final String queue;

    JobRun(JobEngine engine, QueuedJob row) {
        this.engine = engine;
        this.row = row;
        this.queue = engine.settings().queue();
    }

    void run() {
        Job job = row.job();
        JobDao dao = engine.dao();
        if (dao.isDone(queue, job.id())) {
            dao.setState(queue, row, QueuedJob.DONE, engine.ttlSeconds(job.due(), now()));
            return;
        }
        JobHandler handler = engine.handler(job.type());
        try {
            if (handler == null) {
                throw new IllegalStateException("no handler for job type " + job.type() + " on this node");
            }
            handler.run(job);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            if (!engine.halted()) {
                failed(job, e);
            }
            return;
        }
        if (engine.halted()) {
            return;
        }
        Instant now = now();
        int ttl = engine.ttlSeconds(job.due(), now);
        if (!dao.markDone(queue, job.id(), QueuedJob.DONE, engine.owner(), now, ttl)) {
            LOG.warn("Job {} ({}) ran again after another run had completed it", job.id(), job.type());
        }
        dao.setState(queue, row, QueuedJob.DONE, ttl);
        engine.executed();
    }

    private void failed(Job job, Exception error) {
        Instant now = now();
        JobDao dao = engine.dao();
        int next = job.attempt() + 1;
        if (next >= engine.settings().maxAttempts()) {
            LOG.warn("Job {} ({}) failed {} times; giving up: {}", job.id(), job.type(), next, error.toString());
            dao.markDone(queue, job.id(), QueuedJob.FAILED, engine.owner(), now, engine.ttlSeconds(job.due(), now));
            dao.setState(queue, row, QueuedJob.FAILED, engine.ttlSeconds(job.due(), now));
            return;
        }
        Instant retryAt = now.plus(engine.settings().backoff(job.attempt()));
        LOG.info("Job {} ({}) failed (attempt {}), retrying at {}: {}", job.id(), job.type(), next, retryAt,
                error.toString());
        Job retry = new Job(job.id(), job.type(), job.payload(), retryAt, next);
        dao.insert(queue, engine.bucketOf(retryAt), engine.shardOf(job.id()), retry, engine.ttlSeconds(retryAt, now))
                .toCompletableFuture().join();
        dao.setState(queue, row, QueuedJob.RETRIED, engine.ttlSeconds(job.due(), now));
    }

    private Instant now() {
        return engine.clock().instant();
    }
}
