package org.gms.server.service;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.gms.callback.availability.CalendarServices;
import org.gms.callback.ors.OrsClient;
import org.gms.core.error.NotFoundException;
import org.gms.core.error.ServiceUnavailableException;
import org.gms.core.feature.Feature;
import org.gms.core.feature.Routes;
import org.gms.core.http.Responses;
import org.gms.server.storage.StorageFeature;
import org.gms.server.storage.StorageForms;
import org.gms.storage.cassandra.CassandraStorage;
import org.gms.storage.resource.ResourceRepository;
import org.gms.storage.service.ServiceInstance;
import org.gms.storage.service.ServiceInstanceRepository;

/** The service API with the built-in services, the pattern matcher and the phone-number API. */
public final class ServiceFeature extends Feature {

    private final CassandraStorage storage;
    private final StorageFeature documents;
    private final Supplier<ServiceSettings> settings;
    private final Clock clock;
    private final Responses responses;
    // built in doStart
    private InteractionServices interactions;
    private volatile ServiceDispatcher dispatcher;
    private OrsClient ors;
    private Function<String, Optional<ServiceInstance>> otherInstances = id -> Optional.empty();
    private Function<String, Map<String, Object>> queuePositions = id -> {
        throw new NotFoundException("Service [" + id + "] has no queue position");
    };

    /** {@code documents}: the storage feature, whose service-scoped storage the instances use. */
    public ServiceFeature(CassandraStorage storage, StorageFeature documents, Supplier<ServiceSettings> settings,
                          Clock clock, Responses responses) {
        super("service API");
        this.storage = storage;
        this.documents = documents;
        this.settings = settings;
        this.clock = clock;
        this.responses = responses;
    }

    @Override
    public void mount(Routes routes) {
        long maxUpload = documents.maxUpload();
        ServiceScopedStorage storageOfInstances = new ServiceScopedStorage(responses, documents,
                new StorageForms(maxUpload), documents.urls());
        routes.servlet("/1/service/*", new ServiceServlet(responses, this, storageOfInstances),
                StorageFeature.multipart(maxUpload));
        routes.servlet("/1/patterns/*", new PatternsServlet(responses, new Patterns(settings)),
                RequestParameters.MULTIPART);
        routes.servlet("/1/phonenumber", new PhoneNumberServlet(responses), RequestParameters.MULTIPART);
    }

    @Override
    protected void doStart() throws Exception {
        String keyspace = storage.settings().keyspace();
        ServiceRepositories repositories = new ServiceRepositories(
                new ServiceInstanceRepository(storage.cql(), keyspace, clock),
                new ResourceRepository(storage.cql(), keyspace, clock));
        interactions = new InteractionServices(settings, repositories, new AccessResources(settings, repositories),
                clock, id -> otherInstances.apply(id));
        dispatcher = new ServiceDispatcher(settings, interactions, new MatchInteraction(repositories, interactions),
                new CalendarServices(clock), ors);
        super.doStart();
    }

    /** A new service id, {@code <prefix>-<uuid>}, with a prefix of this node. */
    public String newServiceId() {
        return interactions.newId();
    }

    /**
     * Finds the instances other features keep under service ids (callbacks), so that {@code /1/service/<id>} and
     * its storage work for them; set before start.
     */
    public void otherInstances(Function<String, Optional<ServiceInstance>> instances) {
        this.otherInstances = instances;
    }

    /** Answers {@code GET /1/service/<id>/check-queue-position} (the callback service); set before start. */
    public void queuePositions(Function<String, Map<String, Object>> positions) {
        this.queuePositions = positions;
    }

    /** Forwards the ORS services ({@code _type=ors}) with the node's ORS client; set before start. */
    public void ors(OrsClient client) {
        this.ors = client;
    }

    /**
     * Runs a service as {@code POST /1/service/<name>} does: a built-in service's answer, or ORS's
     * {@link org.gms.callback.ors.OrsAnswer} to relay; 503 while this feature is not started.
     */
    public Object run(String service, Map<String, String> request, String gmsUser) {
        ServiceDispatcher current = dispatcher;
        if (current == null || !isStarted()) {
            throw new ServiceUnavailableException("The service API is not started");
        }
        return current.create(service, request, gmsUser);
    }

    Map<String, Object> queuePosition(String id) {
        return queuePositions.apply(id);
    }

    InteractionServices interactions() {
        return interactions;
    }

    ServiceDispatcher dispatcher() {
        return dispatcher;
    }
}
