package org.gms.push;

import java.time.Clock;
import java.util.function.Supplier;
import org.gms.core.feature.Feature;
import org.gms.core.feature.Routes;
import org.gms.core.http.Responses;
import org.gms.push.api.CometDelivery;
import org.gms.push.config.NotificationSettings;
import org.gms.push.config.PushSettings;
import org.gms.push.engine.EngineSettings;
import org.gms.push.engine.NotificationService;
import org.gms.push.engine.PushMetrics;
import org.gms.push.engine.PushSystem;
import org.gms.push.web.MetricsServlet;
import org.gms.push.web.PublishServlet;
import org.gms.push.web.SubscriptionServlet;
import org.gms.storage.cassandra.CassandraStorage;

/**
 * The notification API ({@code /1/notification/subscription[/{id}]}, {@code /1/notification/publish}), the admin
 * push metrics ({@code /1/admin/notification/metrics}) and the push engine behind them, built when the feature starts.
 * Push options are read at start ({@code [push]} changes take effect after a restart, as in GMS).
 */
public final class PushFeature extends Feature {

    private final CassandraStorage storage;
    private final Supplier<PushSettings> settings;
    private final Supplier<NotificationSettings> notifications;
    private final CometDelivery comet;
    private final Clock clock;
    private final EngineSettings engine;
    private final Responses responses;
    // built in doStart
    private PushSystem system;

    /** {@code engine}: the outbox engine's tuning, named after this node's stream. */
    public PushFeature(CassandraStorage storage, Supplier<PushSettings> settings,
                       Supplier<NotificationSettings> notifications, CometDelivery comet, Clock clock,
                       EngineSettings engine, Responses responses) {
        super("notification service");
        this.storage = storage;
        this.settings = settings;
        this.notifications = notifications;
        this.comet = comet;
        this.clock = clock;
        this.engine = engine;
        this.responses = responses;
    }

    @Override
    public void mount(Routes routes) {
        routes.servlet("/1/notification/subscription/*", new SubscriptionServlet(responses, this, clock));
        routes.servlet("/1/notification/publish", new PublishServlet(responses, this));
        routes.servlet("/1/admin/notification/metrics", new MetricsServlet(responses, this));
    }

    @Override
    protected void doStart() throws Exception {
        system = PushSystem.start(storage.cql(), storage.settings().keyspace(), settings.get(), notifications, comet,
                clock, engine);
        super.doStart();
    }

    /** Stops the engine first (no new sends), then the senders, then gives the outbox streams up for adoption. */
    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (system != null) {
            system.close();
        }
    }

    /** Subscribe, publish, read and remove subscriptions: what the servlets and the other modules call. */
    public NotificationService notifications() {
        return system.service();
    }

    public PushMetrics metrics() {
        return system.metrics();
    }
}
