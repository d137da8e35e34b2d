package org.gms.callback;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.gms.callback.api.ServiceRunner;
import org.gms.callback.config.CallbackSettings;
import org.gms.callback.engine.CallbackEngine;
import org.gms.callback.engine.CallbackListener;
import org.gms.callback.engine.Execution;
import org.gms.callback.engine.QueueExecution;
import org.gms.callback.engine.Sweeper;
import org.gms.callback.ors.OrsClient;
import org.gms.callback.ors.OrsExecution;
import org.gms.callback.ors.OrsSettings;
import org.gms.callback.web.CallbackRoutes;
import org.gms.callback.webhook.WebhookExecution;
import org.gms.core.error.ServiceUnavailableException;
import org.gms.core.feature.Feature;
import org.gms.core.feature.Routes;
import org.gms.core.http.Responses;
import org.gms.push.config.HttpSettings;
import org.gms.storage.callback.CallbackRepository;
import org.gms.storage.cassandra.CassandraStorage;
import org.gms.storage.cluster.job.JobScheduler;

/**
 * The callback service: the v1 API and availability v2, the admin and agent callback APIs, submission on the job
 * engine, and the background sweeps.
 */
public final class CallbackFeature extends Feature {

    private final CassandraStorage storage;
    private final JobScheduler jobs;
    private final Supplier<CallbackSettings> settings;
    private final Clock clock;
    private final Responses responses;
    private final Supplier<String> newId;
    private final Map<String, Execution> executions = new LinkedHashMap<>();
    private final OrsClient ors;
    private CallbackListener listener = CallbackListener.NONE;
    private volatile ServiceRunner services = ServiceRunner.NONE;
    // built in doStart
    private volatile CallbackEngine engine;
    private Sweeper sweeper;

    /**
     * @param jobs  the cluster's job engine, which submits scheduled callbacks
     * @param http  outgoing HTTP settings (TLS trust, connection limits), as push uses them
     * @param newId makes a new service id ({@code <prefix>-<uuid>})
     * @param ors   the server-wide ORS options, read by the node's one ORS client
     */
    public CallbackFeature(CassandraStorage storage, JobScheduler jobs, Supplier<CallbackSettings> settings,
                           HttpSettings http, Clock clock, Responses responses, Supplier<String> newId,
                           Supplier<OrsSettings> ors) {
        super("callback service");
        this.storage = storage;
        this.jobs = jobs;
        this.settings = settings;
        this.clock = clock;
        this.responses = responses;
        this.newId = newId;
        executions.put("queue", new QueueExecution());
        WebhookExecution webhook = new WebhookExecution(http, callback -> engine.render(callback));
        addBean(webhook, true);
        executions.put("webhook", webhook);
        this.ors = new OrsClient(ors);
        addBean(this.ors, true);
        executions.put("ors", new OrsExecution(this.ors));
    }

    /** Adds or replaces an executor ({@code _execution} value); call before start. */
    public CallbackFeature execution(String name, Execution execution) {
        executions.put(name, execution);
        return this;
    }

    /** Sets who hears of every change (events, push); call before start. */
    public CallbackFeature listener(CallbackListener listener) {
        this.listener = listener;
        return this;
    }

    /** Sets who runs the services a callback service's {@code _redirect} names (the service API); call before start. */
    public CallbackFeature services(ServiceRunner runner) {
        this.services = runner;
        return this;
    }

    @Override
    public void mount(Routes routes) {
        CallbackRoutes.mount(routes, responses, this::engine,
                (service, request, gmsUser) -> services.run(service, request, gmsUser),
                () -> settings.get().filterKeys(), clock);
    }

    @Override
    protected void doStart() throws Exception {
        String keyspace = storage.settings().keyspace();
        CallbackEngine built = new CallbackEngine(settings, new CallbackRepository(storage.cql(), keyspace, clock),
                jobs, executions, listener, clock, newId);
        engine = built;
        // the executors (the webhook's HTTP client) start before any job or sweep can submit a callback
        super.doStart();
        built.registerJobs(jobs);
        sweeper = new Sweeper(built, clock);
        sweeper.start();
    }

    @Override
    protected void doStop() throws Exception {
        if (sweeper != null) {
            sweeper.close();
        }
        super.doStop();
    }

    /** The node's ORS client, started and stopped with this feature; the ORS services use it too. */
    public OrsClient ors() {
        return ors;
    }

    /** The engine, once started. */
    public CallbackEngine engine() {
        return engine;
    }

    /** The engine; 503 while the feature is not started. */
    public CallbackEngine running() {
        CallbackEngine current = engine;
        if (current == null || !isStarted()) {
            throw new ServiceUnavailableException("The callback service is not started");
        }
        return current;
    }
}
