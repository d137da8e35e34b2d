package org.gms.storage.document.cassandra;

import java.time.Instant;
import java.util.List;

/**
 * Everything one request changes in one document, applied as a single batch on its partition so that a reader sees
 * all of it or none of it.
 *
 * @param owner       the bound user, or null for a document without owner
 * @param ttlSeconds  Cassandra TTL of every cell written
 * @param inserts     keys written now
 * @param rewrites    unchanged keys written again with their own write time, only to carry the new TTL
 * @param removedKeys keys deleted
 * @param clearText   keys that were text and become files: their text column is removed
 * @param clearFile   keys that were files and become text: their file columns are removed
 */
public record DocumentWrite(String id, String owner, Instant expiresAt, int ttlSeconds, List<StoredRow> inserts,
                            List<StoredRow> rewrites, List<String> removedKeys, List<String> clearText,
                            List<String> clearFile) {

    public DocumentWrite {
        inserts = List.copyOf(inserts);
        rewrites = List.copyOf(rewrites);
        removedKeys = List.copyOf(removedKeys);
        clearText = List.copyOf(clearText);
        clearFile = List.copyOf(clearFile);
    }
}
