package org.gms.push;

import java.util.ArrayList;
import java.util.List;
import org.gms.push.engine.PushSystem;
import org.gms.storage.cassandra.Cql;
import org.gms.storage.test.TestCassandra;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The push systems of one integration test class, registered as
 * {@code @RegisterExtension static final PushSystems systems = new PushSystems();}. They work in keyspaces of the
 * class's own ({@link TestCassandra#newKeyspacePrefix()}), so one class never adopts another's outbox streams nor
 * delivers to its subscriptions. A system started during a test is stopped after it; one started before the first
 * test ({@code @BeforeAll}), after the class; then the keyspaces are dropped.
 */
public final class PushSystems implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback {

    private final List<PushSystem> classSystems = new ArrayList<>();
    private final List<PushSystem> testSystems = new ArrayList<>();
    private volatile boolean inTest;
    private volatile String keyspace;

    @Override
    public void beforeAll(ExtensionContext context) {
        keyspace = TestCassandra.get().newKeyspacePrefix();
    }

    /** A harness whose systems use this class's keyspaces and are stopped by this extension. */
    public PushHarness harness() throws Exception {
        return new PushHarness(this);
    }

    public Cql cql() {
        return new Cql(TestCassandra.get().session());
    }

    /** The main keyspace of the class (the outbox, subscriptions and leases live there). */
    public String keyspace() {
        if (keyspace == null) {
            throw new IllegalStateException("PushSystems is used before the class started: register it as a static"
                    + " @RegisterExtension field");
        }
        return keyspace;
    }

    synchronized PushSystem started(PushSystem system) {
        (inTest ? testSystems : classSystems).add(system);
        return system;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        inTest = true;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        inTest = false;
        stop(testSystems);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop(classSystems);
        TestCassandra.get().dropKeyspacesLater(keyspace);
    }

    /** Last started first: a node's system may rely on one started before it. */
    private void stop(List<PushSystem> systems) {
        List<PushSystem> stopping;
        synchronized (this) {
            stopping = new ArrayList<>(systems);
            systems.clear();
        }
        for (int index = stopping.size() - 1; index >= 0; index--) {
            stopping.get(index).close();
        }
    }
}
