package org.gms.storage.cluster.job;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the pending jobs of one claimed slice in due order, renewing the slice's lease, then releases it. */
final class SliceRun implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger("org.gms.storage.cluster.job.executor");

    private final JobEngine engine;
    private final String slice;
    private final long bucket;
    private final int shard;

    SliceRun(JobEngine engine, String slice, long bucket, int shard) {
        this.engine = engine;
        this.slice = slice;
        this.bucket = bucket;
        this.shard = shard;
    }

    @Override
    public void run() {
        boolean lost = false;
        try {
            String queue = engine.settings().queue();
            // read again under the lease: another node may have finished some of these in the meantime
            List<QueuedJob> rows = engine.dao().due(queue, bucket, shard, engine.clock().instant());
            long renewEvery = engine.settings().leaseTtl().toNanos() / 3;
            long renewedAt = System.nanoTime();
            for (QueuedJob row : rows) {
                if (engine.stopping()) {
                    break;
                }
                if (!row.pending()) {
                    continue;
                }
                if (System.nanoTime() - renewedAt > renewEvery) {
                    if (!engine.leases().renew(slice, engine.owner(), engine.settings().leaseTtl())) {
                        LOG.warn("Lost the lease of slice {}; another node takes it over", slice);
                        lost = true;
                        break;
                    }
                    renewedAt = System.nanoTime();
                }
                new JobRun(engine, row).run();
            }
        } catch (RuntimeException e) {
            LOG.warn("Working on slice {} failed: {}", slice, e.getMessage());
        } finally {
            release(lost);
        }
    }

    private void release(boolean lost) {
        try {
            if (!lost && !engine.halted()) {
                engine.leases().release(slice, engine.owner());
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot release slice {} (it lapses by itself): {}", slice, e.getMessage());
        } finally {
            engine.sliceFinished(slice);
        }
    }
}
