package org.gms.storage.document;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.gms.core.error.BadRequestException;
import org.gms.core.error.PayloadTooLargeException;
import org.gms.storage.document.cassandra.DocumentDao;
import org.gms.storage.document.cassandra.DocumentWrite;
import org.gms.storage.document.cassandra.StoredRow;

/** Turns one request's fields into one atomic change of a document, within the document limits. */
final class DocumentWriter {

    private final DocumentDao documents;
    private final FileChunks files;
    private final Supplier<DocumentLimits> limits;
    private final Clock clock;

    DocumentWriter(DocumentDao documents, FileChunks files, Supplier<DocumentLimits> limits, Clock clock) {
        this.documents = documents;
        this.files = files;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * One request's change. File chunks are written first and the document rows last, in one batch, so a failure
     * leaves the document as it was (orphan chunks expire with their TTL). With {@code replace} every key not sent is
     * removed; otherwise the keys not sent are written again with their own write time and the new TTL, so a
     * concurrent write of the same key (newer) still wins and a concurrent delete (newer) still holds. At equal write
     * times Cassandra keeps the later expiry, so a shorter TTL leaves such cells in place until their first TTL; the
     * stored expiry, checked on every read, hides them from then on.
     */
    void write(String id, String owner, Instant expiresAt, List<DocumentField> fields, List<StoredRow> rows,
                       boolean replace) {
        Map<String, DocumentField> sent = validate(fields);
        Map<String, StoredRow> existing = new LinkedHashMap<>();
        rows.stream().filter(StoredRow::hasValue).forEach(row -> existing.put(row.key(), row));
        Set<String> keys = new LinkedHashSet<>(sent.keySet());
        if (!replace) {
            keys.addAll(existing.keySet());
        }
        int maxKeys = limits.get().maxKeys();
        if (keys.size() > maxKeys) {
            throw new BadRequestException("Storage [" + id + "] would hold " + keys.size() + " keys; the limit is "
                    + maxKeys + " ([storage] max-keys)");
        }
        int ttlSeconds = ttlSeconds(expiresAt);
        List<StoredRow> inserts = new ArrayList<>();
        for (DocumentField field : sent.values()) {
            if (field instanceof DocumentField.File file) {
                FileChunks.StoredFile stored = files.write(id, file.key(), file.content(), ttlSeconds);
                inserts.add(StoredRow.file(id, file.key(), file.contentType(), file.fileName(), stored.size(),
                        stored.version(), stored.chunkCount()));
            } else {
                DocumentField.Text text = (DocumentField.Text) field;
                inserts.add(StoredRow.text(id, text.key(), text.value()));
            }
        }
        List<StoredRow> rewrites = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> clearText = new ArrayList<>();
        List<String> clearFile = new ArrayList<>();
        List<StoredRow> unreferenced = new ArrayList<>();
        for (StoredRow row : existing.values()) {
            DocumentField field = sent.get(row.key());
            if (field == null && replace) {
                removed.add(row.key());
            } else if (field == null) {
                if (row.isFile()) {
                    files.extend(id, row.key(), row.fileVersion(), ttlSeconds);
                }
                rewrites.add(row);
                continue;
            } else if (field instanceof DocumentField.File && row.value() != null) {
                clearText.add(row.key());
            } else if (field instanceof DocumentField.Text && row.isFile()) {
                clearFile.add(row.key());
            }
            if (row.isFile()) {
                unreferenced.add(row);
            }
        }
        documents.write(new DocumentWrite(id, owner, expiresAt, ttlSeconds, inserts, rewrites, removed, clearText,
                clearFile));
        unreferenced.forEach(row -> files.deleteQuietly(id, row.key(), row.fileVersion()));
    }

    /** The fields by key, first occurrence winning as for servlet parameters; keys and text sizes checked. */
    private Map<String, DocumentField> validate(List<DocumentField> fields) {
        int maxValueBytes = limits.get().maxValueBytes();
        Map<String, DocumentField> byKey = new LinkedHashMap<>();
        for (DocumentField field : fields) {
            StorageNames.requireKey(field.key());
            if (field instanceof DocumentField.Text text) {
                int bytes = text.value().getBytes(StandardCharsets.UTF_8).length;
                if (bytes > maxValueBytes) {
                    throw new PayloadTooLargeException("Value of key [" + StorageNames.shown(text.key()) + "] is "
                            + bytes + " bytes; the limit is " + maxValueBytes + " ([storage] max-value-size)");
                }
            }
            byKey.putIfAbsent(field.key(), field);
        }
        return byKey;
    }

    int ttlSeconds(Instant expiresAt) {
        long millis = Duration.between(clock.instant(), expiresAt).toMillis();
        return (int) Math.max(1, (millis + 999) / 1000);
    }
}
