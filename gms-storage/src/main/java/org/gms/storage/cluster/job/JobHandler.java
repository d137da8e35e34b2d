package org.gms.storage.cluster.job;

/**
 * Runs jobs of one type. A failure (any exception) makes the engine retry with backoff. The engine skips a job whose
 * done-marker exists; a handler whose effect must not happen twice even when a node dies in the middle of a run
 * keys that effect on {@link Job#id()}.
 */
@FunctionalInterface
public interface JobHandler {

    void run(Job job) throws Exception;
}
