package org.gms.storage.document.cassandra;

import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.bindMarker;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.deleteFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.insertInto;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.selectFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.update;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.querybuilder.insert.RegularInsert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gms.storage.cassandra.Cql;

/** CQL of {@code storage_document}: one document per partition, one row per key. */
public final class DocumentDao {

    private static final String[] COLUMNS = {"id", "key", "owner", "expires_at", "value", "content_type", "file_name",
        "size", "file_version", "chunk_count"};

    private final Cql cql;
    private final PreparedStatement selectDocument;
    private final PreparedStatement selectKey;
    private final PreparedStatement insertHeader;
    private final PreparedStatement insertOwnedHeader;
    private final PreparedStatement claimHeader;
    private final PreparedStatement insertText;
    private final PreparedStatement insertFile;
    private final PreparedStatement rewriteText;
    private final PreparedStatement rewriteFile;
    private final PreparedStatement deleteDocument;
    private final PreparedStatement deleteKey;
    private final PreparedStatement deleteText;
    private final PreparedStatement deleteFile;

    public DocumentDao(Cql cql, String keyspace) {
        this.cql = cql;
        CqlSession session = cql.session();
        String table = DocumentTables.DOCUMENT;
        selectDocument = session.prepare(selectFrom(keyspace, table).columns(COLUMNS)
                .writeTime("value").as("value_written").writeTime("file_version").as("file_written")
                .whereColumn("id").isEqualTo(bindMarker("id")).build());
        selectKey = session.prepare(selectFrom(keyspace, table).columns(COLUMNS)
                .writeTime("value").as("value_written").writeTime("file_version").as("file_written")
                .whereColumn("id").isEqualTo(bindMarker("id"))
                .whereColumn("key").isEqualTo(bindMarker("key")).build());
        insertHeader = session.prepare(insertInto(keyspace, table)
                .value("id", bindMarker("id")).value("expires_at", bindMarker("expires_at"))
                .usingTtl(bindMarker("ttl")).build());
        insertOwnedHeader = session.prepare(insertInto(keyspace, table)
                .value("id", bindMarker("id")).value("owner", bindMarker("owner"))
                .value("expires_at", bindMarker("expires_at"))
                .usingTtl(bindMarker("ttl")).build());
        claimHeader = session.prepare(update(keyspace, table).usingTtl(bindMarker("ttl"))
                .setColumn("owner", bindMarker("owner")).setColumn("expires_at", bindMarker("expires_at"))
                .whereColumn("id").isEqualTo(bindMarker("id"))
                .ifColumn("expires_at").isEqualTo(bindMarker("seen_expires_at")).build());
        insertText = session.prepare(insertInto(keyspace, table)
                .value("id", bindMarker("id")).value("key", bindMarker("key")).value("value", bindMarker("value"))
                .usingTtl(bindMarker("ttl")).build());
        insertFile = session.prepare(fileInsert(keyspace).usingTtl(bindMarker("ttl")).build());
        rewriteText = session.prepare(insertInto(keyspace, table)
                .value("id", bindMarker("id")).value("key", bindMarker("key")).value("value", bindMarker("value"))
                .usingTimestamp(bindMarker("written")).usingTtl(bindMarker("ttl")).build());
        rewriteFile = session.prepare(fileInsert(keyspace).usingTimestamp(bindMarker("written"))
                .usingTtl(bindMarker("ttl")).build());
        deleteDocument = session.prepare(deleteFrom(keyspace, table)
                .whereColumn("id").isEqualTo(bindMarker("id")).build());
        deleteKey = session.prepare(deleteFrom(keyspace, table)
                .whereColumn("id").isEqualTo(bindMarker("id"))
                .whereColumn("key").isEqualTo(bindMarker("key")).build());
        deleteText = session.prepare(deleteFrom(keyspace, table).column("value")
                .whereColumn("id").isEqualTo(bindMarker("id"))
                .whereColumn("key").isEqualTo(bindMarker("key")).build());
        deleteFile = session.prepare(deleteFrom(keyspace, table)
                .column("content_type").column("file_name").column("size").column("file_version").column("chunk_count")
                .whereColumn("id").isEqualTo(bindMarker("id"))
                .whereColumn("key").isEqualTo(bindMarker("key")).build());
    }

    private static RegularInsert fileInsert(String keyspace) {
        return insertInto(keyspace, DocumentTables.DOCUMENT)
                .value("id", bindMarker("id")).value("key", bindMarker("key"))
                .value("content_type", bindMarker("content_type")).value("file_name", bindMarker("file_name"))
                .value("size", bindMarker("size")).value("file_version", bindMarker("file_version"))
                .value("chunk_count", bindMarker("chunk_count"));
    }

    /** Every row of the document, expired or not (the caller judges expiry); empty when there is no partition. */
    public List<StoredRow> read(String id) {
        List<StoredRow> rows = new ArrayList<>();
        for (Row row : cql.execute(selectDocument.bind().setString("id", id))) {
            rows.add(toStoredRow(row));
        }
        return rows;
    }

    /** The row of one key with the document's static columns; empty when the key (or the document) is absent. */
    public Optional<StoredRow> read(String id, String key) {
        Row row = cql.execute(selectKey.bind().setString("id", id).setString("key", key)).one();
        return row == null ? Optional.empty() : Optional.of(toStoredRow(row));
    }

    /**
     * Makes {@code owner} the owner of the document header, with a lightweight transaction: applied only while the
     * header's expiry is still {@code seenExpiresAt} (null: no header), so of two concurrent claims one wins.
     */
    public boolean claim(String id, String owner, Instant expiresAt, int ttlSeconds, Instant seenExpiresAt) {
        return cql.execute(claimHeader.bind().setString("id", id).setString("owner", owner)
                .setInstant("expires_at", expiresAt).setInt("ttl", ttlSeconds)
                .setInstant("seen_expires_at", seenExpiresAt)).wasApplied();
    }

    /** Applies the whole change in one logged batch on the document's partition: all of it or nothing. */
    public void write(DocumentWrite write) {
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED);
        if (write.owner() == null) {
            batch.addStatement(insertHeader.bind().setString("id", write.id())
                    .setInstant("expires_at", write.expiresAt()).setInt("ttl", write.ttlSeconds()));
        } else {
            batch.addStatement(insertOwnedHeader.bind().setString("id", write.id()).setString("owner", write.owner())
                    .setInstant("expires_at", write.expiresAt()).setInt("ttl", write.ttlSeconds()));
        }
        for (String key : write.removedKeys()) {
            batch.addStatement(deleteKey.bind().setString("id", write.id()).setString("key", key));
        }
        for (String key : write.clearText()) {
            batch.addStatement(deleteText.bind().setString("id", write.id()).setString("key", key));
        }
        for (String key : write.clearFile()) {
            batch.addStatement(deleteFile.bind().setString("id", write.id()).setString("key", key));
        }
        for (StoredRow row : write.inserts()) {
            if (row.isFile()) {
                batch.addStatement(bindFile(insertFile, write, row));
            } else {
                batch.addStatement(insertText.bind().setString("id", write.id()).setString("key", row.key())
                        .setString("value", row.value()).setInt("ttl", write.ttlSeconds()));
            }
        }
        for (StoredRow row : write.rewrites()) {
            if (row.isFile()) {
                batch.addStatement(bindFile(rewriteFile, write, row).setLong("written", row.writtenMicros()));
            } else {
                batch.addStatement(rewriteText.bind().setString("id", write.id()).setString("key", row.key())
                        .setString("value", row.value()).setLong("written", row.writtenMicros())
                        .setInt("ttl", write.ttlSeconds()));
            }
        }
        cql.execute(batch.build());
    }

    public void delete(String id) {
        cql.execute(deleteDocument.bind().setString("id", id));
    }

    public void delete(String id, String key) {
        cql.execute(deleteKey.bind().setString("id", id).setString("key", key));
    }

    private static BoundStatement bindFile(PreparedStatement statement, DocumentWrite write, StoredRow row) {
        return statement.bind().setString("id", write.id()).setString("key", row.key())
                .setString("content_type", row.contentType()).setString("file_name", row.fileName())
                .setLong("size", row.size()).setUuid("file_version", row.fileVersion())
                .setInt("chunk_count", row.chunkCount()).setInt("ttl", write.ttlSeconds());
    }

    private static StoredRow toStoredRow(Row row) {
        boolean file = !row.isNull("file_version");
        String written = file ? "file_written" : "value_written";
        return new StoredRow(row.getString("id"), row.getString("key"), row.getString("owner"),
                row.getInstant("expires_at"), row.getString("value"), row.getString("content_type"),
                row.getString("file_name"), row.getLong("size"), row.getUuid("file_version"), row.getInt("chunk_count"),
                row.isNull(written) ? 0 : row.getLong(written));
    }
}
