package org.gms.storage.cluster.job;

/** A job row: where it lives in the queue, and its state ({@code null} while it has not run). */
record QueuedJob(long bucket, int shard, Job job, String state) {

    static final String DONE = "done";
    static final String RETRIED = "retried";
    static final String FAILED = "failed";

    boolean pending() {
        return state == null;
    }
}
