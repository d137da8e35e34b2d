package org.gms.storage.cassandra.schema;

import static com.datastax.oss.driver.api.querybuilder.SchemaBuilder.createTable;

import com.datastax.oss.driver.api.core.type.DataTypes;
import java.util.List;
import org.gms.storage.callback.CallbackTables;
import org.gms.storage.chat.ChatFileTables;
import org.gms.storage.chat.ChatTables;
import org.gms.storage.cluster.ClusterTables;
import org.gms.storage.document.cassandra.DocumentTables;
import org.gms.storage.push.PushTables;
import org.gms.storage.resource.ResourceTables;
import org.gms.storage.service.ServiceTables;

/**
 * Every table the server needs, in both keyspaces. {@code scripts/cassandra_gsg_schema.cql} and
 * {@code scripts/cassandra_gsg_dd_schema.cql} hold the same statements (a test keeps them in sync).
 */
public final class GmsSchema {

    /** Cluster-wide facts: schema version, cluster name, the time the keyspace was first used. */
    public static final TableDefinition CLUSTER_INFO = new TableDefinition(KeyspaceKind.MAIN, "cluster_info",
            keyspace -> createTable(keyspace, "cluster_info").ifNotExists()
                    .withPartitionKey("name", DataTypes.TEXT)
                    .withColumn("value", DataTypes.TEXT)
                    .withColumn("updated_at", DataTypes.TIMESTAMP));

    private static final List<TableDefinition> TABLES = List.of(CLUSTER_INFO,
            ClusterTables.NODES, ClusterTables.LEASES, ClusterTables.JOBS, ClusterTables.JOBS_DONE,
            ServiceTables.SERVICE_INSTANCE, ResourceTables.RESOURCE_LOCK, ResourceTables.ACCESS_BOOKING,
            DocumentTables.DOCUMENTS, DocumentTables.CHUNKS,
            PushTables.SUBSCRIPTION_TABLE, PushTables.SUBSCRIPTION_BY_FILTER_TABLE, PushTables.OUTBOX_TABLE,
            PushTables.STREAM_TABLE, CallbackTables.CALLBACK_TABLE, CallbackTables.BY_KEY_TABLE,
            CallbackTables.BY_TIME_TABLE, CallbackTables.ACTIVE_TABLE, CallbackTables.SEAT_TABLE,
            CallbackTables.COUNTER_TABLE, ChatTables.CHAT_TABLE, ChatTables.EVENT_TABLE, ChatTables.OPEN_TABLE,
            ChatTables.ENDED_TABLE, ChatFileTables.FILE_TABLE, ChatFileTables.CHUNK_TABLE);

    private GmsSchema() {
    }

    public static List<TableDefinition> tables() {
        return TABLES;
    }

    public static List<TableDefinition> tables(KeyspaceKind kind) {
        return TABLES.stream().filter(table -> table.kind() == kind).toList();
    }
}
