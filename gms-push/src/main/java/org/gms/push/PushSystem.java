package org.gms.push;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.IntSupplier;
import org.gms.push.comet.CometDelivery;
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
     * @param unsubscribeDelay {@code [notification] unsubscribe-delay}, read per use (it applies immediately)
     */
    public static PushSystem start(Cql cql, String keyspace, ConfigSource source, Path home, CometDelivery comet,
                                   Clock clock, EngineSettings engineSettings, IntSupplier unsubscribeDelay) {
        PushConfiguration configuration = PushConfiguration.from(source, home);
        HttpSettings http = HttpSettings.from(source.section(PushConfiguration.SECTION), source.section("gms"), home);
        ProviderRegistry providers = new ProviderRegistry(configuration, http, comet, home, clock);
        SubscriptionDao subscriptions = new SubscriptionDao(cql, keyspace);
        PushMetrics metrics = new PushMetrics();
        PushEngine engine = new PushEngine(subscriptions, new OutboxDao(cql, keyspace),
                new CassandraLeaseService(cql, keyspace), configuration, providers, metrics, engineSettings, clock);
        NotificationService service = new NotificationService(subscriptions, configuration,
                Localization.load(configuration.localizationFile()), engine, clock, unsubscribeDelay);
        engine.start();
        return new PushSystem(configuration, providers, engine, metrics, service);
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
