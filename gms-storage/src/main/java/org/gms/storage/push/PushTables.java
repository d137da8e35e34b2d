package org.gms.storage.push;

import static com.datastax.oss.driver.api.querybuilder.SchemaBuilder.createTable;

import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.TupleType;
import com.datastax.oss.driver.api.querybuilder.schema.CreateTable;
import org.gms.storage.cassandra.schema.KeyspaceKind;
import org.gms.storage.cassandra.schema.ShortLivedRows;
import org.gms.storage.cassandra.schema.TableDefinition;

/**
 * Tables of the notification API. Subscriptions are stored twice (by id for the REST resource, by filter for
 * publish) and expire with a TTL. The filter table also holds, in one reserved partition, the prefix lengths of the
 * wildcard filters ever subscribed (at most 513 rows, never removed), read with every lookup: a publish asks only for
 * the wildcard filters of these lengths instead of one per prefix of its tag. Deliveries are written by one engine incarnation (a stream) into its own partitions,
 * one per stream and time bucket; their rows expire with a TTL and are never deleted, so the queue leaves no
 * tombstones. Streams are listed in one small partition so that any node can adopt the stream of a stopped one.
 */
public final class PushTables {

    public static final String SUBSCRIPTION = "push_subscription";
    public static final String SUBSCRIPTION_BY_FILTER = "push_subscription_by_filter";
    public static final String OUTBOX = "push_delivery";
    public static final String STREAM = "push_delivery_stream";

    public static final TableDefinition SUBSCRIPTION_TABLE = new TableDefinition(KeyspaceKind.MAIN, SUBSCRIPTION,
            keyspace -> subscriptionColumns(createTable(keyspace, SUBSCRIPTION).ifNotExists()
                    .withPartitionKey("id", DataTypes.TEXT)
                    .withColumn("tag_filter", DataTypes.TEXT)));

    public static final TableDefinition SUBSCRIPTION_BY_FILTER_TABLE = new TableDefinition(KeyspaceKind.MAIN,
            SUBSCRIPTION_BY_FILTER,
            keyspace -> ShortLivedRows.options(subscriptionColumns(createTable(keyspace, SUBSCRIPTION_BY_FILTER)
                    .ifNotExists()
                    .withPartitionKey("tag_filter", DataTypes.TEXT)
                    .withClusteringColumn("id", DataTypes.TEXT))));

    /**
     * One target of a publish part: delivery id, subscription id, provider name, type, device id, properties,
     * Authorization header, gms_user, subscription expiry.
     */
    public static final TupleType TARGET = DataTypes.tupleOf(DataTypes.UUID, DataTypes.TEXT, DataTypes.TEXT,
            DataTypes.TEXT, DataTypes.TEXT, DataTypes.frozenMapOf(DataTypes.TEXT, DataTypes.TEXT), DataTypes.TEXT,
            DataTypes.TEXT, DataTypes.TIMESTAMP);

    /**
     * A part of a publish (up to 200 targets): written in one row, with each target's retries in map cells keyed by
     * delivery id and the outcomes of each flush in one {@code finished} cell (slot and outcome code per target), so
     * that recording a publish costs one row, and finishing it a few cells, however many subscriptions it reaches.
     */
    public static final TableDefinition OUTBOX_TABLE = new TableDefinition(KeyspaceKind.MAIN, OUTBOX,
            keyspace -> createTable(keyspace, OUTBOX).ifNotExists()
                    .withPartitionKey("stream", DataTypes.TEXT)
                    .withPartitionKey("bucket", DataTypes.BIGINT)
                    .withClusteringColumn("part", DataTypes.UUID)
                    .withColumn("tag", DataTypes.TEXT)
                    .withColumn("message", DataTypes.TEXT)
                    .withColumn("created_at", DataTypes.TIMESTAMP)
                    .withColumn("targets", DataTypes.frozenListOf(TARGET))
                    .withColumn("attempts", DataTypes.mapOf(DataTypes.UUID, DataTypes.INT))
                    .withColumn("not_before", DataTypes.mapOf(DataTypes.UUID, DataTypes.TIMESTAMP))
                    .withColumn("finished", DataTypes.mapOf(DataTypes.TIMEUUID, DataTypes.BLOB)));

    public static final TableDefinition STREAM_TABLE = new TableDefinition(KeyspaceKind.MAIN, STREAM,
            keyspace -> createTable(keyspace, STREAM).ifNotExists()
                    .withPartitionKey("registry", DataTypes.INT)
                    .withClusteringColumn("stream", DataTypes.TEXT)
                    .withColumn("first_bucket", DataTypes.BIGINT)
                    .withColumn("started_at", DataTypes.TIMESTAMP));

    private PushTables() {
    }

    private static CreateTable subscriptionColumns(CreateTable table) {
        return table.withColumn("subscriber_id", DataTypes.TEXT)
                .withColumn("gms_user", DataTypes.TEXT)
                .withColumn("provider_name", DataTypes.TEXT)
                .withColumn("type", DataTypes.TEXT)
                .withColumn("device_id", DataTypes.TEXT)
                .withColumn("properties", DataTypes.mapOf(DataTypes.TEXT, DataTypes.TEXT))
                .withColumn("auth_header", DataTypes.TEXT)
                .withColumn("created_at", DataTypes.TIMESTAMP)
                .withColumn("expires_at", DataTypes.TIMESTAMP);
    }
}
