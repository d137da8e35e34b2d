package org.gms.storage.document;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.gms.core.error.BadRequestException;
import org.gms.core.error.ForbiddenException;
import org.gms.core.error.NotFoundException;
import org.gms.core.error.ServiceUnavailableException;
import org.gms.storage.cassandra.CassandraStorage;
import org.gms.storage.document.cassandra.ChunkDao;
import org.gms.storage.document.cassandra.DocumentDao;
import org.gms.storage.document.cassandra.StoredRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of the Storage API: ids, TTL, expiry, user binding and limits. Every write carries a Cassandra TTL, and
 * every read also checks the stored expiry, so an expired document is never returned even before Cassandra purges it.
 */
public final class DocumentRepository {

    public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);
    /** Cassandra's largest TTL (20 years). */
    public static final long MAX_TTL_SECONDS = 630_720_000L;
    private static final Logger LOG = LoggerFactory.getLogger(DocumentRepository.class);
    /** Claims of a custom id tried before giving up: each failed one means another request just changed it. */
    private static final int CLAIM_ATTEMPTS = 3;

    private final DocumentDao documents;
    private final FileChunks files;
    private final DocumentWriter writer;
    private final Clock clock;

    public DocumentRepository(DocumentDao documents, ChunkDao chunks, Supplier<DocumentLimits> limits, Clock clock) {
        this.documents = documents;
        this.files = new FileChunks(chunks);
        this.writer = new DocumentWriter(documents, files, limits, clock);
        this.clock = clock;
    }

    /** Builds the DAOs on a started storage, in its data-depot keyspace. */
    public static DocumentRepository create(CassandraStorage storage, Supplier<DocumentLimits> limits, Clock clock) {
        String keyspace = storage.settings().dataDepotKeyspace();
        return new DocumentRepository(new DocumentDao(storage.cql(), keyspace), new ChunkDao(storage.cql(), keyspace),
                limits, clock);
    }

    /**
     * The TTL of a request path: GMS falls back to 30 s for a value that is not a positive number; a positive number
     * above the maximum, however long, is refused.
     */
    public static Duration ttl(String text) {
        long seconds;
        String trimmed = text.trim();
        try {
            seconds = Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
            if (trimmed.matches("\\+?[0-9]+")) {
                // a positive number too large for any TTL: the same refusal as one just above the maximum
                throw new BadRequestException("TTL [" + trimmed + "] is larger than the maximum of "
                        + MAX_TTL_SECONDS + " seconds");
            }
            return DEFAULT_TTL;
        }
        if (seconds <= 0) {
            return DEFAULT_TTL;
        }
        if (seconds > MAX_TTL_SECONDS) {
            throw new BadRequestException("TTL [" + seconds + "] is larger than the maximum of " + MAX_TTL_SECONDS
                    + " seconds");
        }
        return Duration.ofSeconds(seconds);
    }

    /** Creates a document under a new UUID and returns the id. */
    public String create(Duration ttl, List<DocumentField> fields) {
        String id = UUID.randomUUID().toString();
        writer.write(id, null, expiry(ttl), fields, List.of(), true);
        return id;
    }

    /**
     * Creates or replaces the document {@code customId}, bound to {@code user} (the {@code gms_user} header). A free
     * id (absent or expired) is claimed with a lightweight transaction first, so two users creating the same id at
     * once cannot both get it.
     */
    public void createCustom(String customId, Optional<String> user, Duration ttl, List<DocumentField> fields) {
        StorageNames.requireId(customId);
        String owner = user.filter(value -> !value.isBlank()).orElseThrow(() -> new BadRequestException(
                "Header gms_user is required to create storage with a custom id"));
        Instant expiresAt = expiry(ttl);
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            List<StoredRow> rows = documents.read(customId);
            Optional<StoredRow> header = live(rows);
            if (header.isPresent() && !owner.equals(header.get().owner())) {
                throw new ForbiddenException("Storage id [" + customId + "] is in use by another user");
            }
            Instant seen = rows.isEmpty() ? null : rows.get(0).expiresAt();
            if (header.isPresent() || documents.claim(customId, owner, expiresAt, writer.ttlSeconds(expiresAt), seen)) {
                writer.write(customId, owner, expiresAt, fields, rows, true);
                return;
            }
            // another request changed the header since it was read: judge again on what it wrote
        }
        throw new ServiceUnavailableException("Storage id [" + customId + "] is being changed by other requests;"
                + " try again");
    }

    /** Adds or replaces the keys sent, keeps the others, and gives the whole document the new TTL. */
    public void update(String id, Optional<String> user, Duration ttl, List<DocumentField> fields) {
        StorageNames.requireId(id);
        List<StoredRow> rows = documents.read(id);
        StoredRow header = requireLive(id, rows);
        checkUser(id, header, user);
        writer.write(id, header.owner(), expiry(ttl), fields, rows, false);
    }

    public Document read(String id, Optional<String> user) {
        return readDocument(StorageNames.requireId(id), user);
    }

    public DocumentValue read(String id, Optional<String> user, String key) {
        return readValue(StorageNames.requireId(id), user, StorageNames.requireKey(key));
    }

    /** A file's bytes; a text key is served as UTF-8 text. */
    public FileDownload readFile(String id, Optional<String> user, String key) {
        return download(readRow(StorageNames.requireId(id), user, StorageNames.requireKey(key)));
    }

    public void delete(String id, Optional<String> user) {
        deleteDocument(StorageNames.requireId(id), user);
    }

    public void delete(String id, Optional<String> user, String key) {
        deleteKey(StorageNames.requireId(id), user, StorageNames.requireKey(key));
    }

    // ---- shared with ServiceStorage, which uses internal ids outside the client id syntax

    Document readDocument(String id, Optional<String> user) {
        List<StoredRow> rows = documents.read(id);
        checkUser(id, requireLive(id, rows), user);
        Map<String, DocumentValue> values = new LinkedHashMap<>();
        for (StoredRow row : rows) {
            if (row.hasValue()) {
                values.put(row.key(), toValue(row));
            }
        }
        return new Document(id, rows.get(0).expiresAt(), values);
    }

    DocumentValue readValue(String id, Optional<String> user, String key) {
        return toValue(readRow(id, user, key));
    }

    StoredRow readRow(String id, Optional<String> user, String key) {
        StoredRow row = documents.read(id, key).orElseThrow(() -> new NotFoundException(
                "Key [" + StorageNames.shown(key) + "] not found in storage [" + id + "]"));
        if (!isLive(row)) {
            throw notFound(id);
        }
        checkUser(id, row, user);
        if (!row.hasValue()) {
            throw new NotFoundException("Key [" + StorageNames.shown(key) + "] not found in storage [" + id + "]");
        }
        return row;
    }

    FileDownload download(StoredRow row) {
        if (!row.isFile()) {
            byte[] text = row.value().getBytes(StandardCharsets.UTF_8);
            return new FileDownload("text/plain;charset=utf-8", "", text.length, out -> out.write(text), false);
        }
        return new FileDownload(row.contentType(), row.fileName(), row.size(),
                out -> files.stream(row.id(), row.key(), row.fileVersion(), row.chunkCount(), out), true);
    }

    /** Creates the document when absent (or expired), else updates it; expiry given as an instant. */
    void upsert(String id, Instant expiresAt, List<DocumentField> fields) {
        if (!expiresAt.isAfter(clock.instant())) {
            throw notFound(id);
        }
        List<StoredRow> rows = documents.read(id);
        writer.write(id, null, expiresAt, fields, rows, live(rows).isEmpty());
    }

    void deleteDocument(String id, Optional<String> user) {
        List<StoredRow> rows = documents.read(id);
        checkUser(id, requireLive(id, rows), user);
        documents.delete(id);
        rows.stream().filter(StoredRow::isFile).forEach(row -> files.deleteQuietly(id, row.key(), row.fileVersion()));
    }

    void deleteKey(String id, Optional<String> user, String key) {
        StoredRow row = readRow(id, user, key);
        documents.delete(id, key);
        if (row.isFile()) {
            files.deleteQuietly(id, key, row.fileVersion());
        }
    }

    private static DocumentValue toValue(StoredRow row) {
        if (row.isFile()) {
            return new DocumentValue.File(row.contentType(), row.fileName(), row.size());
        }
        return new DocumentValue.Text(row.value());
    }

    private Instant expiry(Duration ttl) {
        return clock.instant().plus(ttl);
    }

    private Optional<StoredRow> live(List<StoredRow> rows) {
        return rows.isEmpty() || !isLive(rows.get(0)) ? Optional.empty() : Optional.of(rows.get(0));
    }

    private boolean isLive(StoredRow row) {
        return row.expiresAt() != null && row.expiresAt().isAfter(clock.instant());
    }

    private StoredRow requireLive(String id, List<StoredRow> rows) {
        return live(rows).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("Storage [" + id + "] not found");
    }

    private static void checkUser(String id, StoredRow header, Optional<String> user) {
        if (header.owner() == null) {
            return;
        }
        Optional<String> caller = user.filter(value -> !value.isBlank());
        if (caller.isEmpty()) {
            throw new BadRequestException("Header gms_user is required to access storage [" + id + "]");
        }
        if (!caller.get().equals(header.owner())) {
            LOG.debug("Storage [{}] refused to another user", id);
            throw new ForbiddenException("Storage [" + id + "] belongs to another user");
        }
    }
}
