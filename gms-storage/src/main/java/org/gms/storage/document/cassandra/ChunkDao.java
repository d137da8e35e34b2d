package org.gms.storage.document.cassandra;

import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.bindMarker;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.deleteFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.insertInto;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.selectFrom;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.gms.storage.cassandra.CassandraErrors;
import org.gms.storage.cassandra.Cql;

/** CQL of {@code storage_chunk}: the bytes of one file version, in numbered chunks of one partition. */
public final class ChunkDao {

    /** Chunks fetched per page when a file is streamed, so a download holds a few chunks in memory at a time. */
    private static final int CHUNKS_PER_PAGE = 4;

    private final Cql cql;
    private final PreparedStatement insertChunk;
    private final PreparedStatement selectChunks;
    private final PreparedStatement deleteChunks;

    public ChunkDao(Cql cql, String keyspace) {
        this.cql = cql;
        CqlSession session = cql.session();
        String table = DocumentTables.CHUNK;
        insertChunk = session.prepare(insertInto(keyspace, table)
                .value("id", bindMarker("id")).value("key", bindMarker("key"))
                .value("file_version", bindMarker("file_version")).value("chunk", bindMarker("chunk"))
                .value("data", bindMarker("data")).usingTtl(bindMarker("ttl")).build());
        selectChunks = session.prepare(selectFrom(keyspace, table).columns("chunk", "data")
                .whereColumn("id").isEqualTo(bindMarker("id"))
                .whereColumn("key").isEqualTo(bindMarker("key"))
                .whereColumn("file_version").isEqualTo(bindMarker("file_version")).build());
        deleteChunks = session.prepare(deleteFrom(keyspace, table)
                .whereColumn("id").isEqualTo(bindMarker("id"))
                .whereColumn("key").isEqualTo(bindMarker("key"))
                .whereColumn("file_version").isEqualTo(bindMarker("file_version")).build());
    }

    public CompletionStage<?> write(String id, String key, UUID version, int chunk, ByteBuffer data, int ttlSeconds) {
        return cql.executeAsync(insertChunk.bind().setString("id", id).setString("key", key)
                .setUuid("file_version", version).setInt("chunk", chunk).setByteBuffer("data", data)
                .setInt("ttl", ttlSeconds));
    }

    /** Hands the chunks to {@code sink} in order, fetching a few at a time. */
    public void read(String id, String key, UUID version, ChunkSink sink) throws IOException {
        ResultSet chunks = cql.execute(selectChunks.bind().setString("id", id).setString("key", key)
                .setUuid("file_version", version).setPageSize(CHUNKS_PER_PAGE));
        Iterator<Row> rows = chunks.iterator();
        while (hasNext(rows)) {
            Row row = rows.next();
            sink.accept(row.getInt("chunk"), row.getByteBuffer("data"));
        }
    }

    public void delete(String id, String key, UUID version) {
        cql.execute(deleteChunks.bind().setString("id", id).setString("key", key).setUuid("file_version", version));
    }

    /** Later pages are fetched inside {@code hasNext}, so driver errors are translated here as well. */
    private static boolean hasNext(Iterator<Row> rows) {
        try {
            return rows.hasNext();
        } catch (RuntimeException e) {
            throw CassandraErrors.translate(e);
        }
    }

    /** Receives a file's chunks in order. */
    @FunctionalInterface
    public interface ChunkSink {
        void accept(int chunk, ByteBuffer data) throws IOException;
    }
}
