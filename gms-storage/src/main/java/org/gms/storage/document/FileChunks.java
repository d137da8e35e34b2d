package org.gms.storage.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.gms.core.error.NotFoundException;
import org.gms.storage.document.cassandra.ChunkDao;
import org.gms.storage.error.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files as numbered chunks of one partition per file version. A new upload always gets a new version, so its chunks
 * are complete before the document row that points at them is written, and an old version is never overwritten.
 */
final class FileChunks {

    static final int CHUNK_SIZE = 256 * 1024;
    /** Chunk writes in flight per upload: enough to overlap round trips, few enough to bound memory. */
    private static final int IN_FLIGHT = 4;
    private static final Logger LOG = LoggerFactory.getLogger(FileChunks.class);

    private final ChunkDao chunks;

    FileChunks(ChunkDao chunks) {
        this.chunks = chunks;
    }

    record StoredFile(UUID version, long size, int chunkCount) {
    }

    StoredFile write(String id, String key, DocumentField.FileSource source, int ttlSeconds) {
        UUID version = UUID.randomUUID();
        Deque<CompletionStage<?>> pending = new ArrayDeque<>();
        long size = 0;
        int count = 0;
        try (InputStream in = source.open()) {
            byte[] chunk = in.readNBytes(CHUNK_SIZE);
            while (chunk.length > 0) {
                pending.add(chunks.write(id, key, version, count, ByteBuffer.wrap(chunk), ttlSeconds));
                size += chunk.length;
                count++;
                if (pending.size() >= IN_FLIGHT) {
                    await(pending.removeFirst());
                }
                chunk = in.readNBytes(CHUNK_SIZE);
            }
        } catch (IOException e) {
            throw new StorageException("Cannot read the uploaded file of key [" + StorageNames.shown(key) + "]", e);
        } finally {
            while (!pending.isEmpty()) {
                await(pending.removeFirst());
            }
        }
        return new StoredFile(version, size, count);
    }

    /** Writes the chunks again with a new TTL, as the document that refers to them lives longer now. */
    void extend(String id, String key, UUID version, int ttlSeconds) {
        Deque<CompletionStage<?>> pending = new ArrayDeque<>();
        try {
            chunks.read(id, key, version, (chunk, data) -> {
                pending.add(chunks.write(id, key, version, chunk, data, ttlSeconds));
                if (pending.size() >= IN_FLIGHT) {
                    await(pending.removeFirst());
                }
            });
        } catch (IOException e) {
            throw new StorageException("Cannot extend file of key [" + StorageNames.shown(key) + "]", e);
        } finally {
            while (!pending.isEmpty()) {
                await(pending.removeFirst());
            }
        }
    }

    void stream(String id, String key, UUID version, int chunkCount, OutputStream out) throws IOException {
        int[] next = {0};
        chunks.read(id, key, version, (chunk, data) -> {
            if (chunk != next[0]) {
                throw new NotFoundException("File of key [" + StorageNames.shown(key) + "] is incomplete");
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
        if (next[0] != chunkCount) {
            throw new NotFoundException("File of key [" + StorageNames.shown(key) + "] is incomplete");
        }
    }

    /** Removes a version nobody refers to any more; when this fails its TTL removes it anyway. */
    void deleteQuietly(String id, String key, UUID version) {
        try {
            chunks.delete(id, key, version);
        } catch (RuntimeException e) {
            LOG.debug("Chunks of storage [{}] key [{}] left to their TTL: {}", id, StorageNames.shown(key), e.toString());
        }
    }

    private static void await(CompletionStage<?> write) {
        try {
            write.toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }
}
