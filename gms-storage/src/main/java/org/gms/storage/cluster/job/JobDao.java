package org.gms.storage.cluster.job;

import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.bindMarker;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.insertInto;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.selectFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.update;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.gms.storage.cassandra.Cql;

/** CQL of {@code cluster_jobs} and {@code cluster_jobs_done}. */
final class JobDao {

    private static final String JOBS = "cluster_jobs";
    private static final String DONE = "cluster_jobs_done";

    private final Cql cql;
    private final PreparedStatement insert;
    private final PreparedStatement due;
    private final PreparedStatement state;
    private final PreparedStatement markDone;
    private final PreparedStatement findDone;

    JobDao(Cql cql, String keyspace) {
        this.cql = cql;
        this.insert = cql.session().prepare(insertInto(keyspace, JOBS)
                .value("queue", bindMarker("queue"))
                .value("bucket", bindMarker("bucket"))
                .value("shard", bindMarker("shard"))
                .value("due", bindMarker("due"))
                .value("job_id", bindMarker("job_id"))
                .value("type", bindMarker("type"))
                .value("payload", bindMarker("payload"))
                .value("attempt", bindMarker("attempt"))
                .usingTtl(bindMarker("ttl"))
                .build());
        this.due = cql.session().prepare(selectFrom(keyspace, JOBS)
                .columns("due", "job_id", "type", "payload", "attempt", "state")
                .whereColumn("queue").isEqualTo(bindMarker("queue"))
                .whereColumn("bucket").isEqualTo(bindMarker("bucket"))
                .whereColumn("shard").isEqualTo(bindMarker("shard"))
                .whereColumn("due").isLessThanOrEqualTo(bindMarker("now"))
                .build());
        this.state = cql.session().prepare(update(keyspace, JOBS)
                .usingTtl(bindMarker("ttl"))
                .setColumn("state", bindMarker("state"))
                .whereColumn("queue").isEqualTo(bindMarker("queue"))
                .whereColumn("bucket").isEqualTo(bindMarker("bucket"))
                .whereColumn("shard").isEqualTo(bindMarker("shard"))
                .whereColumn("due").isEqualTo(bindMarker("due"))
                .whereColumn("job_id").isEqualTo(bindMarker("job_id"))
                .build());
        this.markDone = cql.session().prepare(insertInto(keyspace, DONE)
                .value("queue", bindMarker("queue"))
                .value("job_id", bindMarker("job_id"))
                .value("outcome", bindMarker("outcome"))
                .value("node", bindMarker("node"))
                .value("done_at", bindMarker("done_at"))
                .ifNotExists()
                .usingTtl(bindMarker("ttl"))
                .build());
        this.findDone = cql.session().prepare(selectFrom(keyspace, DONE).column("outcome")
                .whereColumn("queue").isEqualTo(bindMarker("queue"))
                .whereColumn("job_id").isEqualTo(bindMarker("job_id"))
                .build());
    }

    CompletionStage<Void> insert(String queue, long bucket, int shard, Job job, int ttlSeconds) {
        return cql.executeAsync(insert.boundStatementBuilder()
                .setString("queue", queue).setLong("bucket", bucket).setInt("shard", shard)
                .setInstant("due", job.due()).setString("job_id", job.id()).setString("type", job.type())
                .setString("payload", job.payload()).setInt("attempt", job.attempt()).setInt("ttl", ttlSeconds)
                .build()).thenApply(result -> null);
    }

    /** Rows of one slice due at or before {@code now}, earliest first, pending or not. */
    List<QueuedJob> due(String queue, long bucket, int shard, Instant now) {
        List<QueuedJob> jobs = new ArrayList<>();
        for (Row row : cql.execute(due.boundStatementBuilder().setString("queue", queue).setLong("bucket", bucket)
                .setInt("shard", shard).setInstant("now", now).build())) {
            jobs.add(toQueuedJob(bucket, shard, row));
        }
        return jobs;
    }

    /** Sets the state of rows of one slice in one single-partition batch. */
    void setStates(String queue, Map<QueuedJob, String> states, Map<QueuedJob, Integer> ttls) {
        if (states.isEmpty()) {
            return;
        }
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.UNLOGGED);
        states.forEach((row, newState) -> batch.addStatement(state.boundStatementBuilder()
                .setString("queue", queue).setLong("bucket", row.bucket()).setInt("shard", row.shard())
                .setInstant("due", row.job().due()).setString("job_id", row.job().id())
                .setString("state", newState).setInt("ttl", ttls.get(row)).build()));
        cql.execute(batch.build());
    }

    /** Writes the done-marker once; false when another run wrote it first. */
    boolean markDone(String queue, String jobId, String outcome, String node, Instant now, int ttlSeconds) {
        return cql.execute(markDone.boundStatementBuilder()
                .setString("queue", queue).setString("job_id", jobId).setString("outcome", outcome)
                .setString("node", node).setInstant("done_at", now).setInt("ttl", ttlSeconds).build()).wasApplied();
    }

    boolean isDone(String queue, String jobId) {
        return cql.execute(findDone.boundStatementBuilder().setString("queue", queue).setString("job_id", jobId)
                .build()).one() != null;
    }

    private static QueuedJob toQueuedJob(long bucket, int shard, Row row) {
        Job job = new Job(row.getString("job_id"), row.getString("type"), row.getString("payload"),
                row.getInstant("due"), row.getInt("attempt"));
        return new QueuedJob(bucket, shard, job, row.getString("state"));
    }
}
