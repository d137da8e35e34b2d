package org.gms.server.service;

import java.util.function.Supplier;
import org.gms.server.Feature;
import org.gms.server.ServerContext;
import org.gms.server.storage.StorageFeature;
import org.gms.server.storage.StorageForms;
import org.gms.server.storage.StorageUrls;

/** The service API with the built-in services, the pattern matcher and the phone-number API. */
public final class ServiceFeature implements Feature {

    private final Supplier<org.gms.storage.document.ServiceStorage> scopedStorage;

    /** {@code scopedStorage}: the storage bound to service instances (from the storage feature). */
    public ServiceFeature(Supplier<org.gms.storage.document.ServiceStorage> scopedStorage) {
        this.scopedStorage = scopedStorage;
    }

    @Override
    public void install(ServerContext context) {
        ServiceStorage storage = new ServiceStorage();
        context.onStorageReady(() -> storage.connect(context.storage(), context.clock()));
        AccessResources resources = new AccessResources(context.config(), storage);
        InteractionServices interactions = new InteractionServices(context.config(), storage, resources,
                context.clock());
        ServiceDispatcher dispatcher = new ServiceDispatcher(context.config(), interactions,
                new MatchInteraction(storage, interactions), new CalendarServices(context.clock()));
        long maxUpload = Long.parseLong(context.config().get().value("server", "max-file-upload"));
        ServiceScopedStorage storageOfInstances = new ServiceScopedStorage(context.responses(), scopedStorage,
                new StorageForms(maxUpload),
                new StorageUrls(() -> context.config().get().value("server", "external_url_base")));
        context.addServlet("/1/service/*", new ServiceServlet(context.responses(), dispatcher, interactions,
                storageOfInstances), StorageFeature.multipart(maxUpload));
        PatternsServlet patterns = new PatternsServlet(context.responses(), new Patterns(context.config()));
        context.addServlet("/1/patterns/*", patterns);
        context.addServlet("/1/phonenumber", new PhoneNumberServlet(context.responses()));
    }
}
