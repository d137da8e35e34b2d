package org.gms.storage.cluster.job;

/**
 * Runs jobs of one type. A failure (any exception) makes the engine retry with backoff. The engine skips a job whose
 * done-marker exists; a handler whose effect must not happen twice even when a node dies in the middle of a run
 * keys that effect on {@link Job#id()}, or is {@link #idempotent()}.
 */
@FunctionalInterface
public interface JobHandler {

    void run(Job job) throws Exception;

    /**
     * Whether running a job twice has no second effect by itself (the handler checks, say, a version of what it
     * changes): the engine then keeps no done-marker for it, which saves a read and a lightweight transaction a job.
     */
    default boolean idempotent() {
        return false;
    }

    /** A handler whose every run may be repeated without a second effect (see {@link #idempotent()}). */
    static JobHandler idempotent(JobHandler handler) {
        return new JobHandler() {
            @Override
            public void run(Job job) throws Exception {
                handler.run(job);
            }

            @Override
            public boolean idempotent() {
                return true;
            }
        };
    }
}
