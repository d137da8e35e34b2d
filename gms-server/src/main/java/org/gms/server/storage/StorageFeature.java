package org.gms.server.storage;

import jakarta.servlet.MultipartConfigElement;
import java.time.Clock;
import java.util.function.Supplier;
import org.gms.core.feature.Feature;
import org.gms.core.feature.Routes;
import org.gms.core.http.Responses;
import org.gms.server.ServerSettings;
import org.gms.storage.cassandra.CassandraStorage;
import org.gms.storage.document.DocumentRepository;
import org.gms.storage.document.ServiceStorage;

/**
 * The Storage API under {@code /genesys/1/storage}, and the service-scoped storage that the service API exposes under
 * {@code /genesys/1/service/{id}/storage} (see {@link #serviceStorage()}).
 */
public final class StorageFeature extends Feature {

    /** Multipart parts above this size wait on disk rather than in memory until they are stored. */
    private static final int PART_MEMORY_THRESHOLD = 256 * 1024;

    private final CassandraStorage storage;
    private final Supplier<StorageApiSettings> settings;
    private final Clock clock;
    private final StorageUrls urls;
    private final Responses responses;
    private final long maxUpload;
    // built in doStart
    private DocumentRepository repository;
    private ServiceStorage serviceStorage;

    public StorageFeature(CassandraStorage storage, Supplier<StorageApiSettings> settings,
                          Supplier<ServerSettings> server, Clock clock, Responses responses) {
        super("storage API");
        this.storage = storage;
        this.settings = settings;
        this.clock = clock;
        this.responses = responses;
        this.urls = new StorageUrls(server);
        // read once: the multipart limits of the servlets are fixed when they are mounted
        this.maxUpload = settings.get().maxFileUpload();
    }

    @Override
    public void mount(Routes routes) {
        routes.servlet("/1/storage/*", new StorageServlet(responses, this, urls, maxUpload), multipart(maxUpload));
    }

    @Override
    protected void doStart() throws Exception {
        repository = DocumentRepository.create(storage, () -> settings.get().limits(), clock);
        serviceStorage = new ServiceStorage(repository);
        super.doStart();
    }

    DocumentRepository repository() {
        return repository;
    }

    /** Service-scoped storage on the same tables, for the service API. */
    public ServiceStorage serviceStorage() {
        return serviceStorage;
    }

    public StorageUrls urls() {
        return urls;
    }

    public long maxUpload() {
        return maxUpload;
    }

    /**
     * The multipart limits a servlet that accepts storage fields needs (the service API reuses them); the routes put
     * the parts written to disk in the server's upload folder.
     */
    public static MultipartConfigElement multipart(long maxUpload) {
        return new MultipartConfigElement("", maxUpload, maxUpload,
                PART_MEMORY_THRESHOLD);
    }
}
