package org.gms.push;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.gms.push.comet.CometDelivery;
import org.gms.storage.cassandra.Cql;
import org.gms.storage.test.TestCassandra;

/** Builds a {@link PushSystem} on the test Cassandra node with options written as in gms.ini. */
final class PushHarness {

    final Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    final AtomicInteger unsubscribeDelay = new AtomicInteger();
    Clock clock = Clock.systemUTC();
    CometDelivery comet = CometDelivery.NONE;
    EngineSettings engine = EngineSettings.defaults("node-" + UUID.randomUUID())
            .withRetries(4, Duration.ofMillis(100), Duration.ofSeconds(2));
    final Path home;

    PushHarness() throws Exception {
        home = Files.createTempDirectory("gms-push-test");
    }

    PushHarness option(String section, String name, String value) {
        sections.computeIfAbsent(section, key -> new LinkedHashMap<>()).put(name, value);
        return this;
    }

    PushSystem start() {
        TestCassandra cassandra = TestCassandra.get();
        return PushSystem.start(new Cql(cassandra.session()), cassandra.settings().keyspace(),
                ConfigSource.of(sections), home, comet, clock, engine, unsubscribeDelay::get);
    }

    static String tag() {
        return "ors.contact." + UUID.randomUUID();
    }
}
