package org.gms.storage.chat;

import static com.datastax.oss.driver.api.querybuilder.SchemaBuilder.createTable;

import com.datastax.oss.driver.api.core.type.DataTypes;
import org.gms.storage.cassandra.schema.KeyspaceKind;
import org.gms.storage.cassandra.schema.TableDefinition;

/**
 * Files sent in chat sessions (Chat API v2 file operations). A chat's files are one partition of {@code chat_file},
 * one row per file; a file's bytes are one partition of {@code chat_file_chunk} cut into fixed-size chunks, so
 * neither a cell nor a partition grows with the size of a file. Every row expires with the chat (a TTL chosen by the
 * caller); a deleted file keeps its row, flagged, so the transcript can still name it.
 */
public final class ChatFileTables {

    public static final String FILE = "chat_file";
    public static final String CHUNK = "chat_file_chunk";

    public static final TableDefinition FILE_TABLE = new TableDefinition(KeyspaceKind.MAIN, FILE,
            keyspace -> createTable(keyspace, FILE).ifNotExists()
                    .withPartitionKey("chat_id", DataTypes.TEXT)
                    .withClusteringColumn("file_id", DataTypes.TEXT)
                    .withColumn("name", DataTypes.TEXT)
                    .withColumn("content_type", DataTypes.TEXT)
                    .withColumn("size", DataTypes.BIGINT)
                    .withColumn("description", DataTypes.TEXT)
                    .withColumn("user_data", DataTypes.frozenMapOf(DataTypes.TEXT, DataTypes.TEXT))
                    .withColumn("uploaded_at", DataTypes.TIMESTAMP)
                    .withColumn("participant_id", DataTypes.INT)
                    .withColumn("deleted", DataTypes.BOOLEAN)
                    .withColumn("downloads", DataTypes.INT)
                    .withColumn("chunks", DataTypes.INT));

    public static final TableDefinition CHUNK_TABLE = new TableDefinition(KeyspaceKind.MAIN, CHUNK,
            keyspace -> createTable(keyspace, CHUNK).ifNotExists()
                    .withPartitionKey("chat_id", DataTypes.TEXT)
                    .withPartitionKey("file_id", DataTypes.TEXT)
                    .withClusteringColumn("chunk", DataTypes.INT)
                    .withColumn("data", DataTypes.BLOB));

    private ChatFileTables() {
    }
}
