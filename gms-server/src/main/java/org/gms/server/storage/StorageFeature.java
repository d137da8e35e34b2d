package org.gms.server.storage;

import jakarta.servlet.MultipartConfigElement;
import java.util.function.Supplier;
import org.gms.server.Feature;
import org.gms.server.ServerContext;
import org.gms.server.config.ConfigHolder;
import org.gms.storage.document.DocumentLimits;
import org.gms.storage.document.DocumentRepository;
import org.gms.storage.document.ServiceStorage;

/**
 * The Storage API under {@code /genesys/1/storage}, and the service-scoped storage that the service API exposes under
 * {@code /genesys/1/service/{id}/storage} (see {@link #serviceStorage()}).
 */
public final class StorageFeature implements Feature {

    /** Multipart parts above this size wait on disk rather than in memory until they are stored. */
    private static final int PART_MEMORY_THRESHOLD = 256 * 1024;

    private volatile DocumentRepository repository;
    private volatile ServiceStorage serviceStorage;

    @Override
    public void install(ServerContext context) {
        ConfigHolder config = context.config();
        long maxUpload = Long.parseLong(config.get().value("server", "max-file-upload"));
        Supplier<DocumentLimits> limits = () -> new DocumentLimits(config.get().intValue("storage", "max-keys"),
                config.get().intValue("storage", "max-value-size"));
        context.onStorageReady(() -> {
            repository = DocumentRepository.create(context.storage(), limits, context.clock());
            serviceStorage = new ServiceStorage(repository);
        });
        StorageServlet servlet = new StorageServlet(context.responses(), this::repository,
                new StorageUrls(() -> config.get().value("server", "external_url_base")), maxUpload);
        context.addServlet("/1/storage/*", servlet, multipart(maxUpload));
    }

    /** Service-scoped storage on the same tables, for the service API; available once the storage is ready. */
    public ServiceStorage serviceStorage() {
        if (serviceStorage == null) {
            throw new IllegalStateException("Storage is not ready");
        }
        return serviceStorage;
    }

    /** The multipart limits a servlet that accepts storage fields needs (the service API reuses them). */
    public static MultipartConfigElement multipart(long maxUpload) {
        return new MultipartConfigElement(System.getProperty("java.io.tmpdir"), maxUpload, maxUpload,
                PART_MEMORY_THRESHOLD);
    }

    private DocumentRepository repository() {
        if (repository == null) {
            throw new IllegalStateException("Storage is not ready");
        }
        return repository;
    }
}
