package org.gms.storage.chat;

import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.bindMarker;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.deleteFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.insertInto;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.literal;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.selectFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.update;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.gms.storage.cassandra.CassandraErrors;
import org.gms.storage.cassandra.Cql;

/** CQL of the chat file tables ({@link ChatFileTables}). */
final class ChatFileDao {

    /** Chunks fetched per page when a file is streamed, so a download holds a few chunks in memory at a time. */
    private static final int CHUNKS_PER_PAGE = 4;
    private static final String[] FILE_COLUMNS = {"chat_id", "file_id", "name", "content_type", "size",
        "description", "user_data", "uploaded_at", "participant_id", "deleted", "downloads", "chunks"};

    private final Cql cql;
    private final PreparedStatement insertChunk;
    private final PreparedStatement selectChunks;
    private final PreparedStatement deleteChunks;
    private final PreparedStatement insertFile;
    private final PreparedStatement selectFile;
    private final PreparedStatement selectFiles;
    private final PreparedStatement markDeleted;
    private final PreparedStatement countDownload;

    /** A file row with what only storage needs: its chunk count and the seconds its row has left to live. */
    record FileRow(StoredChatFile file, int chunks, int ttlLeft) {
    }

    ChatFileDao(Cql cql, String keyspace) {
        this.cql = cql;
        CqlSession session = cql.session();
        insertChunk = session.prepare(insertInto(keyspace, ChatFileTables.CHUNK)
                .value("chat_id", bindMarker("chat_id")).value("file_id", bindMarker("file_id"))
                .value("chunk", bindMarker("chunk")).value("data", bindMarker("data"))
                .usingTtl(bindMarker("ttl")).build());
        selectChunks = session.prepare(selectFrom(keyspace, ChatFileTables.CHUNK).columns("chunk", "data")
                .whereColumn("chat_id").isEqualTo(bindMarker("chat_id"))
                .whereColumn("file_id").isEqualTo(bindMarker("file_id")).build());
        deleteChunks = session.prepare(deleteFrom(keyspace, ChatFileTables.CHUNK)
                .whereColumn("chat_id").isEqualTo(bindMarker("chat_id"))
                .whereColumn("file_id").isEqualTo(bindMarker("file_id")).build());
        insertFile = session.prepare(insertInto(keyspace, ChatFileTables.FILE)
                .value("chat_id", bindMarker("chat_id")).value("file_id", bindMarker("file_id"))
                .value("name", bindMarker("name")).value("content_type", bindMarker("content_type"))
                .value("size", bindMarker("size")).value("description", bindMarker("description"))
                .value("user_data", bindMarker("user_data")).value("uploaded_at", bindMarker("uploaded_at"))
                .value("participant_id", bindMarker("participant_id")).value("deleted", literal(false))
                .value("downloads", literal(0)).value("chunks", bindMarker("chunks"))
                .usingTtl(bindMarker("ttl")).build());
        selectFile = session.prepare(selectFrom(keyspace, ChatFileTables.FILE).columns(FILE_COLUMNS)
                .ttl("chunks").as("ttl_left")
                .whereColumn("chat_id").isEqualTo(bindMarker("chat_id"))
                .whereColumn("file_id").isEqualTo(bindMarker("file_id")).build());
        selectFiles = session.prepare(selectFrom(keyspace, ChatFileTables.FILE).columns(FILE_COLUMNS)
                .ttl("chunks").as("ttl_left")
                .whereColumn("chat_id").isEqualTo(bindMarker("chat_id")).build());
        // the changed cell gets the row's remaining TTL, so it does not keep the row alive after the rest expired
        markDeleted = session.prepare(update(keyspace, ChatFileTables.FILE).usingTtl(bindMarker("ttl"))
                .setColumn("deleted", literal(true))
                .whereColumn("chat_id").isEqualTo(bindMarker("chat_id"))
                .whereColumn("file_id").isEqualTo(bindMarker("file_id"))
                .ifColumn("deleted").isEqualTo(literal(false)).build());
        countDownload = session.prepare(update(keyspace, ChatFileTables.FILE).usingTtl(bindMarker("ttl"))
                .setColumn("downloads", bindMarker("downloads"))
                .whereColumn("chat_id").isEqualTo(bindMarker("chat_id"))
                .whereColumn("file_id").isEqualTo(bindMarker("file_id"))
                .ifColumn("downloads").isEqualTo(bindMarker("expected")).build());
    }

    CompletionStage<?> writeChunk(String chatId, String fileId, int chunk, ByteBuffer data, int ttlSeconds) {
        return cql.executeAsync(insertChunk.bind().setString("chat_id", chatId).setString("file_id", fileId)
                .setInt("chunk", chunk).setByteBuffer("data", data).setInt("ttl", ttlSeconds));
    }

    /** Hands the chunks to {@code sink} in order, fetching a few at a time. */
    void readChunks(String chatId, String fileId, ChunkSink sink) throws IOException {
        Iterator<Row> rows = cql.execute(selectChunks.bind().setString("chat_id", chatId)
                .setString("file_id", fileId).setPageSize(CHUNKS_PER_PAGE)).iterator();
        while (hasNext(rows)) {
            Row row = rows.next();
            sink.accept(row.getInt("chunk"), row.getByteBuffer("data"));
        }
    }

    void deleteChunks(String chatId, String fileId) {
        cql.execute(deleteChunks.bind().setString("chat_id", chatId).setString("file_id", fileId));
    }

    void insertFile(StoredChatFile file, int chunks, int ttlSeconds) {
        cql.execute(insertFile.bind().setString("chat_id", file.chatId()).setString("file_id", file.fileId())
                .setString("name", file.name()).setString("content_type", file.contentType())
                .setLong("size", file.size()).setString("description", file.description())
                .setMap("user_data", file.userData(), String.class, String.class)
                .setInstant("uploaded_at", file.uploadedAt()).setInt("participant_id", file.participantId())
                .setInt("chunks", chunks).setInt("ttl", ttlSeconds));
    }

    Optional<FileRow> find(String chatId, String fileId) {
        return Optional.ofNullable(cql.execute(selectFile.bind().setString("chat_id", chatId)
                .setString("file_id", fileId)).one()).map(ChatFileDao::toFileRow);
    }

    List<FileRow> list(String chatId) {
        List<FileRow> files = new ArrayList<>();
        Iterator<Row> rows = cql.execute(selectFiles.bind().setString("chat_id", chatId)).iterator();
        while (hasNext(rows)) {
            files.add(toFileRow(rows.next()));
        }
        return files;
    }

    boolean markDeleted(String chatId, String fileId, int ttlSeconds) {
        return cql.execute(markDeleted.bind().setString("chat_id", chatId).setString("file_id", fileId)
                .setInt("ttl", ttlSeconds)).wasApplied();
    }

    boolean countDownload(String chatId, String fileId, int expected, int ttlSeconds) {
        return cql.execute(countDownload.bind().setString("chat_id", chatId).setString("file_id", fileId)
                .setInt("expected", expected).setInt("downloads", expected + 1).setInt("ttl", ttlSeconds))
                .wasApplied();
    }

    private static FileRow toFileRow(Row row) {
        StoredChatFile file = new StoredChatFile(row.getString("chat_id"), row.getString("file_id"),
                row.getString("name"), row.getString("content_type"), row.getLong("size"),
                row.getString("description"), row.getMap("user_data", String.class, String.class),
                row.getInstant("uploaded_at"), row.getInt("participant_id"), row.getBoolean("deleted"),
                row.getInt("downloads"));
        return new FileRow(file, row.getInt("chunks"), row.isNull("ttl_left") ? 0 : row.getInt("ttl_left"));
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
    interface ChunkSink {
        void accept(int chunk, ByteBuffer data) throws IOException;
    }
}
