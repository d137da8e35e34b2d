package org.gms.storage.cluster.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the pending jobs of one claimed slice, in due order and in chunks run in parallel, renewing the slice's lease
 * between chunks; then releases it.
 */
final class SliceRun implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger("org.gms.storage.cluster.job.executor");
    static final int CHUNK = 32;

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
            long renewEvery = engine.settings().leaseTtl().toNanos() / 3;
            long renewedAt = System.nanoTime();
            // read again under the lease (another node may have finished some jobs), and again after each round:
            // jobs falling due while the slice is held run without waiting for a new claim
            List<QueuedJob> pending = pending(queue);
            while (!pending.isEmpty() && !engine.stopping() && !lost) {
                for (int from = 0; from < pending.size() && !engine.stopping(); from += CHUNK) {
                    if (System.nanoTime() - renewedAt > renewEvery) {
                        if (!engine.leases().renew(slice, engine.owner(), engine.settings().leaseTtl())) {
                            LOG.warn("Lost the lease of slice {}; another node takes it over", slice);
                            lost = true;
                            break;
                        }
                        renewedAt = System.nanoTime();
                    }
                    runChunk(queue, pending.subList(from, Math.min(pending.size(), from + CHUNK)));
                }
                pending = pending(queue);
            }
        } catch (RuntimeException e) {
            LOG.warn("Working on slice {} failed: {}", slice, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            release(lost);
        }
    }

    private List<QueuedJob> pending(String queue) {
        return engine.dao().due(queue, bucket, shard, engine.clock().instant()).stream()
                .filter(QueuedJob::pending).toList();
    }

    private void runChunk(String queue, List<QueuedJob> chunk) throws InterruptedException {
        List<Future<String>> runs = new ArrayList<>();
        for (QueuedJob row : chunk) {
            runs.add(engine.runners().submit(new JobRun(engine, row)));
        }
        Map<QueuedJob, String> states = new LinkedHashMap<>();
        Map<QueuedJob, Integer> ttls = new LinkedHashMap<>();
        for (int index = 0; index < chunk.size(); index++) {
            QueuedJob row = chunk.get(index);
            try {
                String state = runs.get(index).get();
                if (state != null) {
                    states.put(row, state);
                    ttls.put(row, engine.ttlSeconds(row.job().due(), engine.clock().instant()));
                }
            } catch (ExecutionException e) {
                LOG.warn("Job {} could not run: {}", row.job().id(), e.getCause().toString());
            }
        }
        if (!engine.halted()) {
            engine.dao().setStates(queue, states, ttls);
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
