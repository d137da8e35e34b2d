package org.gms.server.notification;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.gms.core.error.ServiceUnavailableException;
import org.gms.push.ConfigSource;
import org.gms.push.EngineSettings;
import org.gms.push.PushSystem;
import org.gms.push.comet.CometDelivery;
import org.gms.server.Feature;
import org.gms.server.ServerContext;
import org.gms.server.config.ConfigHolder;
import org.gms.server.config.GmsConfig;

/**
 * The notification API ({@code /1/notification/subscription[/{id}]}, {@code /1/notification/publish}), the admin
 * push metrics ({@code /1/admin/notification/metrics}) and the push engine behind them, started once Cassandra is
 * connected. Push options are read at start ({@code [push]} changes take effect after a restart, as in GMS).
 */
public final class NotificationFeature implements Feature {

    private final AtomicReference<PushSystem> push = new AtomicReference<>();
    private final CometDelivery comet;

    public NotificationFeature() {
        this(CometDelivery.NONE);
    }

    public NotificationFeature(CometDelivery comet) {
        this.comet = comet;
    }

    @Override
    public void install(ServerContext context) {
        ConfigHolder config = context.config();
        context.onStorageReady(() -> {
            GmsConfig current = config.get();
            EngineSettings engine = EngineSettings.defaults("node" + current.value("server", "node_id") + "-"
                    + UUID.randomUUID());
            engine = engine.withRetries(current.intValue("push", "delivery-max-attempts"), engine.initialBackoff(),
                    engine.maxBackoff());
            PushSystem system = PushSystem.start(context.storage().cql(), context.storage().settings().keyspace(),
                    source(current), current.home(), comet, context.clock(), engine,
                    () -> config.get().intValue("notification", "unsubscribe-delay"));
            push.set(system);
            context.closeOnStop(system);
        });
        context.addServlet("/1/notification/subscription/*", new SubscriptionServlet(context.responses(), this::system));
        context.addServlet("/1/notification/publish", new PublishServlet(context.responses(), this::system));
        context.addServlet("/1/admin/notification/metrics", new MetricsServlet(context.responses(), this::system));
    }

    private PushSystem system() {
        PushSystem system = push.get();
        if (system == null) {
            throw new ServiceUnavailableException("The notification service is not started");
        }
        return system;
    }

    private static ConfigSource source(GmsConfig config) {
        return new ConfigSource() {
            @Override
            public Map<String, String> section(String name) {
                return config.rawSection(name);
            }

            @Override
            public Set<String> sectionNames() {
                return config.sectionNames();
            }
        };
    }
}
