package org.gms.storage.cluster.job;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** What other components see of the job engine: register handlers, schedule jobs. */
public interface JobScheduler {

    /** Registers the handler of a job type; call before jobs of that type fall due. */
    void register(String type, JobHandler handler);

    /** Schedules a job; a due time in the past means "as soon as possible". */
    default void schedule(String type, String jobId, Instant due, String payload) {
        scheduleAsync(type, jobId, due, payload).toCompletableFuture().join();
    }

    CompletionStage<Void> scheduleAsync(String type, String jobId, Instant due, String payload);
}
