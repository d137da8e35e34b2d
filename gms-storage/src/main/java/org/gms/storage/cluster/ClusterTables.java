package org.gms.storage.cluster;

import static com.datastax.oss.driver.api.querybuilder.SchemaBuilder.createTable;

import com.datastax.oss.driver.api.core.type.DataTypes;
import org.gms.storage.cassandra.schema.KeyspaceKind;
import org.gms.storage.cassandra.schema.TableDefinition;

/**
 * The cluster's tables: the node registry (rows that live while their node refreshes them), leases (lightweight
 * transactions with TTL), and the job queue in time-bucketed partitions with a done-marker per job.
 */
public final class ClusterTables {

    /** One row per live node in a single small partition; every row carries a TTL of three heartbeats. */
    public static final TableDefinition NODES = new TableDefinition(KeyspaceKind.MAIN, "cluster_nodes",
            keyspace -> createTable(keyspace, "cluster_nodes").ifNotExists()
                    .withPartitionKey("ring", DataTypes.TEXT)
                    .withClusteringColumn("node_id", DataTypes.INT)
                    .withColumn("url", DataTypes.TEXT)
                    .withColumn("version", DataTypes.TEXT)
                    .withColumn("started_at", DataTypes.TIMESTAMP)
                    .withColumn("status", DataTypes.TEXT)
                    .withColumn("data_center", DataTypes.TEXT)
                    .withColumn("last_seen", DataTypes.TIMESTAMP));

    /** A lease: present while its owner renews it (LWT with TTL). */
    public static final TableDefinition LEASES = new TableDefinition(KeyspaceKind.MAIN, "cluster_leases",
            keyspace -> createTable(keyspace, "cluster_leases").ifNotExists()
                    .withPartitionKey("name", DataTypes.TEXT)
                    .withColumn("owner", DataTypes.TEXT));

    /**
     * Jobs by queue, due minute and shard; a row is never deleted: its {@code state} is set when it has run and the
     * TTL removes it after the retention period, so scans meet no tombstones.
     */
    public static final TableDefinition JOBS = new TableDefinition(KeyspaceKind.MAIN, "cluster_jobs",
            keyspace -> createTable(keyspace, "cluster_jobs").ifNotExists()
                    .withPartitionKey("queue", DataTypes.TEXT)
                    .withPartitionKey("bucket", DataTypes.BIGINT)
                    .withPartitionKey("shard", DataTypes.INT)
                    .withClusteringColumn("due", DataTypes.TIMESTAMP)
                    .withClusteringColumn("job_id", DataTypes.TEXT)
                    .withColumn("type", DataTypes.TEXT)
                    .withColumn("payload", DataTypes.TEXT)
                    .withColumn("attempt", DataTypes.INT)
                    .withColumn("state", DataTypes.TEXT));

    /** The done-marker of a job, written once with a lightweight transaction. */
    public static final TableDefinition JOBS_DONE = new TableDefinition(KeyspaceKind.MAIN, "cluster_jobs_done",
            keyspace -> createTable(keyspace, "cluster_jobs_done").ifNotExists()
                    .withPartitionKey("queue", DataTypes.TEXT)
                    .withPartitionKey("job_id", DataTypes.TEXT)
                    .withColumn("outcome", DataTypes.TEXT)
                    .withColumn("node", DataTypes.TEXT)
                    .withColumn("done_at", DataTypes.TIMESTAMP));

    private ClusterTables() {
    }
}
