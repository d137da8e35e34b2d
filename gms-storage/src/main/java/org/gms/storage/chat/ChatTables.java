package org.gms.storage.chat;

import static com.datastax.oss.driver.api.querybuilder.SchemaBuilder.createTable;

import com.datastax.oss.driver.api.core.type.DataTypes;
import org.gms.storage.cassandra.schema.KeyspaceKind;
import org.gms.storage.cassandra.schema.ShortLivedRows;
import org.gms.storage.cassandra.schema.TableDefinition;

/**
 * Tables of the chat engine. Every row expires with the transcript ({@code [chat] transcript-ttl}).
 * <ul>
 *   <li>{@code chat}: one row per chat, changed by compare-and-set on {@code version}, except
 *       {@code customer_at} (the customer's last activity), a plain write;</li>
 *   <li>{@code chat_event}: the transcript, one partition per chat, an event per index; an index is taken with
 *       {@code IF NOT EXISTS}, so it is never written twice;</li>
 *   <li>{@code chat_open}: the chats not ended (waiting, with a bot, with an agent), spread over a few partitions,
 *       for the queues, the agent desk and the statistics; rows are hints checked against {@code chat};</li>
 *   <li>{@code chat_ended}: the chats ended per UTC day, for the statistics and the admin views.</li>
 * </ul>
 */
public final class ChatTables {

    public static final String CHAT = "chat";
    public static final String EVENT = "chat_event";
    public static final String OPEN = "chat_open";
    public static final String ENDED = "chat_ended";
    /** Partitions of {@code chat_open}. */
    public static final int OPEN_SHARDS = 8;

    public static final TableDefinition CHAT_TABLE = new TableDefinition(KeyspaceKind.MAIN, CHAT,
            keyspace -> createTable(keyspace, CHAT).ifNotExists()
                    .withPartitionKey("chat_id", DataTypes.TEXT)
                    .withColumn("service", DataTypes.TEXT)
                    .withColumn("secure_key", DataTypes.TEXT)
                    .withColumn("user_id", DataTypes.TEXT)
                    .withColumn("state", DataTypes.TEXT)
                    .withColumn("queue", DataTypes.TEXT)
                    .withColumn("agent", DataTypes.TEXT)
                    .withColumn("nickname", DataTypes.TEXT)
                    .withColumn("subject", DataTypes.TEXT)
                    .withColumn("email", DataTypes.TEXT)
                    .withColumn("user_data", DataTypes.frozenMapOf(DataTypes.TEXT, DataTypes.TEXT))
                    .withColumn("participants", DataTypes.TEXT)
                    .withColumn("created_at", DataTypes.TIMESTAMP)
                    .withColumn("updated_at", DataTypes.TIMESTAMP)
                    .withColumn("ended_at", DataTypes.TIMESTAMP)
                    .withColumn("version", DataTypes.INT)
                    .withColumn("customer_at", DataTypes.TIMESTAMP));

    public static final TableDefinition EVENT_TABLE = new TableDefinition(KeyspaceKind.MAIN, EVENT,
            keyspace -> createTable(keyspace, EVENT).ifNotExists()
                    .withPartitionKey("chat_id", DataTypes.TEXT)
                    .withClusteringColumn("idx", DataTypes.INT)
                    .withColumn("type", DataTypes.TEXT)
                    .withColumn("participant_id", DataTypes.INT)
                    .withColumn("participant_type", DataTypes.TEXT)
                    .withColumn("nickname", DataTypes.TEXT)
                    .withColumn("text", DataTypes.TEXT)
                    .withColumn("message_type", DataTypes.TEXT)
                    .withColumn("time", DataTypes.TIMESTAMP)
                    .withColumn("user_data", DataTypes.frozenMapOf(DataTypes.TEXT, DataTypes.TEXT)));

    public static final TableDefinition OPEN_TABLE = new TableDefinition(KeyspaceKind.MAIN, OPEN,
            keyspace -> ShortLivedRows.options(createTable(keyspace, OPEN).ifNotExists()
                    .withPartitionKey("shard", DataTypes.INT)
                    .withClusteringColumn("chat_id", DataTypes.TEXT)
                    .withColumn("service", DataTypes.TEXT)
                    .withColumn("state", DataTypes.TEXT)
                    .withColumn("queue", DataTypes.TEXT)
                    .withColumn("agent", DataTypes.TEXT)
                    .withColumn("nickname", DataTypes.TEXT)
                    .withColumn("subject", DataTypes.TEXT)
                    .withColumn("created_at", DataTypes.TIMESTAMP)));

    public static final TableDefinition ENDED_TABLE = new TableDefinition(KeyspaceKind.MAIN, ENDED,
            keyspace -> createTable(keyspace, ENDED).ifNotExists()
                    .withPartitionKey("day", DataTypes.BIGINT)
                    .withClusteringColumn("chat_id", DataTypes.TEXT)
                    .withColumn("service", DataTypes.TEXT));

    private ChatTables() {
    }
}
