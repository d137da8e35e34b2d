package org.gms.storage.document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage attached to a service instance ({@code /genesys/1/service/{serviceId}/storage...}): one document per service
 * whose lifetime is the service's. Its id, {@code service:<serviceId>}, can never be reached through the Storage API
 * because client ids cannot contain a colon. The service API checks that the service exists and passes its expiry.
 */
public final class ServiceStorage {

    private static final String PREFIX = "service:";

    private final DocumentRepository repository;

    public ServiceStorage(DocumentRepository repository) {
        this.repository = repository;
    }

    /** The document id that holds a service's storage. */
    public static String documentId(String serviceId) {
        if (serviceId == null || serviceId.isEmpty()) {
            throw new IllegalArgumentException("A service id is required");
        }
        return PREFIX + serviceId;
    }

    /**
     * {@code POST …/storage}: adds or replaces the keys sent, keeps the others, and makes the whole storage expire
     * with the service at {@code serviceExpiresAt} (extend it again whenever the service's TTL changes).
     */
    public void put(String serviceId, Instant serviceExpiresAt, List<DocumentField> fields) {
        repository.upsert(documentId(serviceId), serviceExpiresAt, fields);
    }

    /** Extends (or shortens) the storage's lifetime to follow the service, without changing keys. */
    public void expireWith(String serviceId, Instant serviceExpiresAt) {
        repository.upsert(documentId(serviceId), serviceExpiresAt, List.of());
    }

    /** {@code GET …/storage}: every key; 404 when nothing was ever stored for the service (or it expired). */
    public Document read(String serviceId) {
        return repository.readDocument(documentId(serviceId), Optional.empty());
    }

    /** {@code GET …/storage/{key}}. */
    public DocumentValue read(String serviceId, String key) {
        StorageNames.requireKey(key);
        return repository.readValue(documentId(serviceId), Optional.empty(), key);
    }

    /** {@code GET …/storage/binary/{key}}. */
    public FileDownload readFile(String serviceId, String key) {
        StorageNames.requireKey(key);
        return repository.download(repository.readRow(documentId(serviceId), Optional.empty(), key));
    }

    /** {@code DELETE …/storage/{key}}. */
    public void delete(String serviceId, String key) {
        StorageNames.requireKey(key);
        repository.deleteKey(documentId(serviceId), Optional.empty(), key);
    }

    /** Removes the whole storage, when the service instance ends. 404 when there was none. */
    public void deleteAll(String serviceId) {
        repository.deleteDocument(documentId(serviceId), Optional.empty());
    }
}
