package org.gms.server.cluster;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.gms.storage.cluster.job.JobHandler;
import org.gms.storage.cluster.job.JobScheduler;

/** Lets features register handlers while the server is built, before the engine exists. */
final class PendingJobScheduler implements JobScheduler {

    private final Map<String, JobHandler> handlers = new ConcurrentHashMap<>();
    private volatile JobScheduler engine;

    synchronized void attach(JobScheduler target) {
        handlers.forEach(target::register);
        engine = target;
    }

    @Override
    public synchronized void register(String type, JobHandler handler) {
        handlers.put(type, handler);
        if (engine != null) {
            engine.register(type, handler);
        }
    }

    @Override
    public CompletionStage<Void> scheduleAsync(String type, String jobId, Instant due, String payload) {
        JobScheduler target = engine;
        if (target == null) {
            throw new IllegalStateException("Jobs cannot be scheduled before the storage is ready");
        }
        return target.scheduleAsync(type, jobId, due, payload);
    }
}
