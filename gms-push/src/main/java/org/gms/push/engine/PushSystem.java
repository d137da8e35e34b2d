package org.gms.push.engine;

import java.time.Clock;
import java.util.function.Supplier;
import org.gms.push.api.CometDelivery;
import org.gms.push.config.Localization;
import org.gms.push.config.NotificationSettings;
import org.gms.push.config.PushConfiguration;
import org.gms.push.config.PushSettings;
import org.gms.storage.cassandra.Cql;
import org.gms.storage.cluster.lease.CassandraLeaseService;
import org.gms.storage.push.OutboxDao;
import org.gms.storage.push.SubscriptionDao;

/** Everything push, wired: configuration, senders, outbox engine and the notification service. */
public final class PushSystem implements AutoCloseable {

    private final PushConfiguration configuration;
    private final ProviderRegistry providers;
    private final PushEngine engine;
    private final PushMetrics metrics;
    private final NotificationService service;

    private PushSystem(PushConfiguration configuration, ProviderRegistry providers, PushEngine engine,
                       PushMetrics metrics, NotificationService service) {
        this.configuration = configuration;
        this.providers = providers;
        this.engine = engine;
        this.metrics = metrics;
        this.service = service;
    }

    /**
     * Builds and starts the push machinery over a connected storage.
     *
     * @param settings      what push reads at start
     * @param notifications the options that apply at once, read per use
     * @param engine        the outbox engine's tuning; its attempts come from {@code settings}
     */
    public static PushSystem start(Cql cql, String keyspace, PushSettings settings,
                                   Supplier<NotificationSettings> notifications, CometDelivery comet, Clock clock,
                                   EngineSettings engine) {
        PushConfiguration configuration = settings.configuration();
        ProviderRegistry providers = new ProviderRegistry(configuration, settings.http(), comet, clock);
        SubscriptionDao subscriptions = new SubscriptionDao(cql, keyspace);
        PushMetrics metrics = new PushMetrics();
        PushEngine outbox = new PushEngine(subscriptions, new OutboxDao(cql, keyspace),
                new CassandraLeaseService(cql, keyspace), configuration, providers, metrics,
                engine.withRetries(settings.deliveryMaxAttempts(), engine.initialBackoff(), engine.maxBackoff()),
                clock);
        NotificationService service = new NotificationService(subscriptions, configuration,
                Localization.load(configuration.localizationFile()), outbox, clock, notifications);
        outbox.start();
        return new PushSystem(configuration, providers, outbox, metrics, service);
    }

    public NotificationService service() {
        return service;
    }

    public PushMetrics metrics() {
        return metrics;
    }

    public PushEngine engine() {
        return engine;
    }

    public PushConfiguration configuration() {
        return configuration;
    }

    /** Stops the engine first (no new sends), then the senders, then gives the outbox streams up for adoption. */
    @Override
    public void close() {
        engine.close();
        providers.close();
        engine.releaseStreams();
    }
}
