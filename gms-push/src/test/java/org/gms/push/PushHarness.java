package org.gms.push;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.gms.core.config.ConfigSnapshot;
import org.gms.push.api.CometDelivery;
import org.gms.push.config.NotificationSettings;
import org.gms.push.config.PushOptions;
import org.gms.push.config.PushSettings;
import org.gms.push.engine.EngineSettings;
import org.gms.push.engine.PushSystem;

/** Builds a {@link PushSystem} on the test Cassandra node with options written as in gms.ini (see {@link PushSystems}). */
public final class PushHarness {

    public final Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    public final AtomicInteger unsubscribeDelay = new AtomicInteger();
    public Clock clock = Clock.systemUTC();
    public CometDelivery comet = CometDelivery.NONE;
    /** Quick retries: 100 ms doubling up to 2 s; the attempts are {@code [push] delivery-max-attempts} (4 here). */
    public EngineSettings engine = EngineSettings.defaults("node-" + UUID.randomUUID())
            .withRetries(4, Duration.ofMillis(100), Duration.ofSeconds(2));
    public final Path home;
    private final PushSystems systems;

    /** Made by {@link PushSystems#harness()}: its systems use the test class's keyspaces. */
    PushHarness(PushSystems systems) throws Exception {
        this.systems = systems;
        home = Files.createTempDirectory("gms-push-test");
        option("push", "delivery-max-attempts", "4");
    }

    public PushHarness option(String section, String name, String value) {
        sections.computeIfAbsent(section, key -> new LinkedHashMap<>()).put(name, value);
        return this;
    }

    /** The configuration as the server would read it from gms.ini. */
    public ConfigSnapshot config() {
        return ConfigSnapshot.of(PushOptions.OPTIONS, sections, home);
    }

    /** Starts a system; the {@link PushSystems} extension stops it after the test. */
    public PushSystem start() {
        return systems.started(PushSystem.start(systems.cql(), systems.keyspace(), PushSettings.from(config()),
                () -> new NotificationSettings(Duration.ofSeconds(unsubscribeDelay.get()),
                        new org.gms.push.config.CallbackUrlPolicy(true, java.util.List.of())), comet, clock, engine));
    }

    public static String tag() {
        return "ors.contact." + UUID.randomUUID();
    }
}
