package org.gms.storage.document.cassandra;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code storage_document} as read: the document's static columns plus one key, either a text value or a
 * file's metadata. {@code key} is null for a document that has no key (only its static columns exist).
 *
 * @param writtenMicros the write time of the key's cells, so a rewrite that only extends the TTL can reuse it and
 *                      lose against any newer write of the same key
 */
public record StoredRow(String id, String key, String owner, Instant expiresAt, String value, String contentType,
                        String fileName, long size, UUID fileVersion, int chunkCount, long writtenMicros) {

    public static StoredRow text(String id, String key, String value) {
        return new StoredRow(id, key, null, null, value, null, null, 0, null, 0, 0);
    }

    public static StoredRow file(String id, String key, String contentType, String fileName, long size,
                                 UUID fileVersion, int chunkCount) {
        return new StoredRow(id, key, null, null, null, contentType, fileName, size, fileVersion, chunkCount, 0);
    }

    public boolean isFile() {
        return fileVersion != null;
    }

    public boolean hasValue() {
        return key != null && (fileVersion != null || value != null);
    }
}
