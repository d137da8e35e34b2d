package org.gms.storage.document.cassandra;

import static com.datastax.oss.driver.api.querybuilder.SchemaBuilder.createTable;

import com.datastax.oss.driver.api.core.type.DataTypes;
import org.gms.storage.cassandra.schema.KeyspaceKind;
import org.gms.storage.cassandra.schema.TableDefinition;

/**
 * Storage API documents in the data-depot keyspace. A document is one partition of {@code storage_document}: its
 * owner and expiry in static columns, one row per key. A file's bytes live in {@code storage_chunk}, one partition per
 * file version cut into fixed-size chunks, so neither a cell nor a partition grows with the number or size of files.
 */
public final class DocumentTables {

    public static final String DOCUMENT = "storage_document";
    public static final String CHUNK = "storage_chunk";

    public static final TableDefinition DOCUMENTS = new TableDefinition(KeyspaceKind.DATA_DEPOT, DOCUMENT,
            keyspace -> createTable(keyspace, DOCUMENT).ifNotExists()
                    .withPartitionKey("id", DataTypes.TEXT)
                    .withClusteringColumn("key", DataTypes.TEXT)
                    .withStaticColumn("owner", DataTypes.TEXT)
                    .withStaticColumn("expires_at", DataTypes.TIMESTAMP)
                    .withColumn("value", DataTypes.TEXT)
                    .withColumn("content_type", DataTypes.TEXT)
                    .withColumn("file_name", DataTypes.TEXT)
                    .withColumn("size", DataTypes.BIGINT)
                    .withColumn("file_version", DataTypes.UUID)
                    .withColumn("chunk_count", DataTypes.INT));

    public static final TableDefinition CHUNKS = new TableDefinition(KeyspaceKind.DATA_DEPOT, CHUNK,
            keyspace -> createTable(keyspace, CHUNK).ifNotExists()
                    .withPartitionKey("id", DataTypes.TEXT)
                    .withPartitionKey("key", DataTypes.TEXT)
                    .withPartitionKey("file_version", DataTypes.UUID)
                    .withClusteringColumn("chunk", DataTypes.INT)
                    .withColumn("data", DataTypes.BLOB));

    private DocumentTables() {
    }
}
