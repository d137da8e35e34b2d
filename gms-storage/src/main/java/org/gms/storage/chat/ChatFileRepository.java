package org.gms.storage.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.gms.core.error.NotFoundException;
import org.gms.storage.cassandra.Cql;
import org.gms.storage.error.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of chat sessions. A file's chunks are written before its row, so a row never points at missing bytes;
 * an upload that fails or runs over its limit leaves no row, and its chunks are removed (or expire). A file's row
 * changes only by compare-and-set (deletion, the download count), so two nodes never both count one download.
 */
public final class ChatFileRepository {

    static final int CHUNK_SIZE = 256 * 1024;
    /** Chunk writes in flight per upload: enough to overlap round trips, few enough to bound memory. */
    private static final int IN_FLIGHT = 4;
    private static final Logger LOG = LoggerFactory.getLogger(ChatFileRepository.class);
    private static final Comparator<StoredChatFile> UPLOAD_ORDER = Comparator.comparing(StoredChatFile::uploadedAt)
            .thenComparing(StoredChatFile::fileId);

    private final ChatFileDao dao;

    public ChatFileRepository(Cql cql, String keyspace) {
        this.dao = new ChatFileDao(cql, keyspace);
    }

    /**
     * Stores a new file, read from {@code data} (which the caller closes).
     *
     * @param fileId     a new id: the chunks of an id already stored would be overwritten
     * @param maxBytes   the most bytes the file may have
     * @param ttlSeconds how long the file is kept, 1 or more
     * @throws ChatFileTooLargeException when {@code data} holds more than {@code maxBytes}; nothing is kept
     */
    public StoredChatFile store(String chatId, String fileId, String name, String contentType, String description,
                                Map<String, String> userData, int participantId, Instant at, InputStream data,
                                long maxBytes, int ttlSeconds) {
        if (ttlSeconds < 1 || maxBytes < 0) {
            throw new IllegalArgumentException("a file is kept 1 s or more and may hold 0 bytes or more");
        }
        Deque<CompletionStage<?>> pending = new ArrayDeque<>();
        long size = 0;
        int count = 0;
        boolean complete = false;
        try {
            byte[] chunk = data.readNBytes(CHUNK_SIZE);
            while (chunk.length > 0) {
                if (size + chunk.length > maxBytes) {
                    throw new ChatFileTooLargeException(maxBytes);
                }
                pending.add(dao.writeChunk(chatId, fileId, count, ByteBuffer.wrap(chunk), ttlSeconds));
                size += chunk.length;
                count++;
                if (pending.size() >= IN_FLIGHT) {
                    await(pending.removeFirst());
                }
                chunk = data.readNBytes(CHUNK_SIZE);
            }
            while (!pending.isEmpty()) {
                await(pending.removeFirst());
            }
            complete = true;
        } catch (IOException e) {
            throw new StorageException("Cannot read the uploaded file [" + fileId + "] of chat [" + chatId + "]", e);
        } finally {
            if (!complete) {
                abandon(chatId, fileId, pending);
            }
        }
        StoredChatFile file = new StoredChatFile(chatId, fileId, name, contentType, size, description, userData, at,
                participantId, false, 0);
        dao.insertFile(file, count, ttlSeconds);
        return file;
    }

    /** The files of a chat in upload order, deleted ones included (flagged). */
    public List<StoredChatFile> list(String chatId) {
        return dao.list(chatId).stream().map(ChatFileDao.FileRow::file).sorted(UPLOAD_ORDER).toList();
    }

    public Optional<StoredChatFile> find(String chatId, String fileId) {
        return dao.find(chatId, fileId).map(ChatFileDao.FileRow::file);
    }

    /**
     * Writes the bytes of a file to {@code out}, a few chunks in memory at a time.
     *
     * @throws NotFoundException when the file is unknown, deleted or expired (even while it is being written)
     */
    public void copyTo(String chatId, String fileId, OutputStream out) throws IOException {
        ChatFileDao.FileRow row = dao.find(chatId, fileId).filter(found -> !found.file().deleted())
                .orElseThrow(() -> notFound(chatId, fileId));
        int[] next = {0};
        dao.readChunks(chatId, fileId, (chunk, data) -> {
            if (chunk != next[0]) {
                throw notFound(chatId, fileId);
            }
            next[0]++;
            if (data.hasArray()) {
                out.write(data.array(), data.arrayOffset() + data.position(), data.remaining());
            } else {
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                out.write(bytes);
            }
        });
        if (next[0] != row.chunks()) {
            throw notFound(chatId, fileId);
        }
    }

    /**
     * Flags a file as deleted and removes its bytes; its row stays until the chat's TTL ends.
     *
     * @return false when the file is unknown or already deleted
     */
    public boolean markDeleted(String chatId, String fileId) {
        Optional<ChatFileDao.FileRow> row = dao.find(chatId, fileId);
        if (row.isEmpty() || row.get().file().deleted() || !dao.markDeleted(chatId, fileId, row.get().ttlLeft())) {
            return false;
        }
        deleteChunksQuietly(chatId, fileId);
        return true;
    }

    /**
     * Counts one download if the count is still {@code expectedDownloads}: of several callers that read the same
     * count, exactly one wins.
     *
     * @return false when another download was counted first (read the file again), or the file is unknown or deleted
     */
    public boolean countDownload(String chatId, String fileId, int expectedDownloads) {
        Optional<ChatFileDao.FileRow> row = dao.find(chatId, fileId);
        if (row.isEmpty() || row.get().file().deleted() || row.get().file().downloads() != expectedDownloads) {
            return false;
        }
        return dao.countDownload(chatId, fileId, expectedDownloads, row.get().ttlLeft());
    }

    /** Waits for the chunk writes already sent, then removes what they wrote; their TTL removes it otherwise. */
    private void abandon(String chatId, String fileId, Deque<CompletionStage<?>> pending) {
        while (!pending.isEmpty()) {
            try {
                await(pending.removeFirst());
            } catch (RuntimeException e) {
                LOG.debug("Chunk of file [{}] of chat [{}] not written: {}", fileId, chatId, e.toString());
            }
        }
        deleteChunksQuietly(chatId, fileId);
    }

    private void deleteChunksQuietly(String chatId, String fileId) {
        try {
            dao.deleteChunks(chatId, fileId);
        } catch (RuntimeException e) {
            LOG.debug("Chunks of file [{}] of chat [{}] left to their TTL: {}", fileId, chatId, e.toString());
        }
    }

    private static NotFoundException notFound(String chatId, String fileId) {
        return new NotFoundException("File [" + fileId + "] of chat [" + chatId + "] not found");
    }

    private static void await(CompletionStage<?> write) {
        try {
            write.toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }
}
