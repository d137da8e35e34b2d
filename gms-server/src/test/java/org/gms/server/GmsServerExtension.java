package org.gms.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.gms.server.config.ConfigHolder;
import org.gms.server.config.GmsConfig;
import org.gms.storage.test.TestCassandra;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The servers of one integration test class, registered as
 * {@code @RegisterExtension static final GmsServerExtension gms = GmsServerExtension.server(builder -> ...)}.
 * <p>
 * Every builder it hands out points at keyspaces of the class's own ({@link TestCassandra#newKeyspacePrefix()}), so
 * classes neither see each other's data nor each other's cluster, and can run in parallel. Node ids are 1, 2, 3...
 * in the order builders are handed out: they only have to be unique among the nodes of the class's keyspace, and a
 * test that sets {@code [server] node_id} itself keeps its value.
 * <p>
 * The class server starts before the class and stops after it. Servers started with {@link #start} or {@link #create}
 * during a test stop after that test; those started before the first test ({@code @BeforeAll}), after the class.
 * Then the keyspaces are dropped in the background.
 */
public final class GmsServerExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback, AutoCloseable {

    private static final long STOP_TIMEOUT_SECONDS = 60;

    private final ServerOptions classServer;
    private final AtomicInteger lastNodeId = new AtomicInteger();
    private final List<GmsServer> classServers = new ArrayList<>();
    private final List<GmsServer> testServers = new ArrayList<>();
    private volatile boolean inTest;
    private String keyspacePrefix;
    private volatile Running running;

    /** Options of a server, applied to a builder as they would be written in gms.ini. */
    @FunctionalInterface
    public interface ServerOptions {
        void applyTo(TestServers builder) throws Exception;
    }

    private record Running(GmsServer server, ConfigHolder holder, GmsConfig initial, HttpTestClient http) {
    }

    private GmsServerExtension(ServerOptions classServer) {
        this.classServer = classServer;
    }

    /** A class server with the given options, started before the first test. */
    public static GmsServerExtension server(ServerOptions options) {
        return new GmsServerExtension(options);
    }

    /** A class server with the default options. */
    public static GmsServerExtension defaultServer() {
        return server(builder -> { });
    }

    /** No class server: the tests start their own with {@link #start} or {@link #create}. */
    public static GmsServerExtension noServer() {
        return new GmsServerExtension(null);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (classServer == null) {
            return;
        }
        TestServers builder = builder();
        classServer.applyTo(builder);
        GmsConfig initial = builder.config();
        ConfigHolder holder = new ConfigHolder(initial);
        GmsServer server = register(builder.create(holder));
        server.start();
        running = new Running(server, holder, initial, new HttpTestClient(server));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        inTest = true;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        inTest = false;
        stopAll(testServers);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    /**
     * Stops the servers of the class, then lets their keyspaces go; outside JUnit (benchmarks), everything this
     * instance started.
     */
    @Override
    public void close() throws Exception {
        try {
            stopAll(testServers);
        } finally {
            try {
                stopAll(classServers);
            } finally {
                dropKeyspaces();
            }
        }
    }

    private synchronized void dropKeyspaces() {
        if (keyspacePrefix != null) {
            TestCassandra.get().dropKeyspacesLater(keyspacePrefix);
            keyspacePrefix = null;
        }
    }

    /** The prefix of this class's keyspaces, taken on first use. */
    public synchronized String keyspacePrefix() {
        if (keyspacePrefix == null) {
            keyspacePrefix = TestCassandra.get().newKeyspacePrefix();
        }
        return keyspacePrefix;
    }

    /** A builder for a new node of this class: its keyspaces, the next node id. */
    public TestServers builder() {
        return sameKeyspaces().option("server", "node_id", Integer.toString(lastNodeId.incrementAndGet()));
    }

    /** Creates a server, unstarted, and stops it after the test (or the class) if it started. */
    public GmsServer create(TestServers builder) {
        return register(builder.create());
    }

    /** Creates and starts a server; it stops after the test, or after the class when started before the tests. */
    public GmsServer start(TestServers builder) throws Exception {
        GmsServer server = create(builder);
        server.start();
        return server;
    }

    /** The class server, running from before the first test to after the last. */
    public GmsServer server() {
        return running().server();
    }

    /** A client of the class server. */
    public HttpTestClient http() {
        return running().http();
    }

    /** The class server's configuration, which a test may change while it runs, as the file watcher would. */
    public ConfigHolder config() {
        return running().holder();
    }

    /** The configuration the class server started with. */
    public GmsConfig initialConfig() {
        return running().initial();
    }

    /**
     * Gives the class server a new configuration made from scratch with these options, as an edited gms.ini would;
     * only its keyspaces and node id are carried over, since those take effect after a restart only.
     */
    public void reconfigure(ServerOptions options) throws Exception {
        TestServers builder = sameKeyspaces().option("server", "node_id",
                initialConfig().value("server", "node_id"));
        options.applyTo(builder);
        config().update(builder.config());
    }

    /** Gives the class server back the configuration it started with. */
    public void restoreConfig() {
        config().update(initialConfig());
    }

    private TestServers sameKeyspaces() {
        return TestServers.builder().option("cassandra", "keyspace-prefix", keyspacePrefix());
    }

    private Running running() {
        Running current = running;
        if (current == null) {
            throw new IllegalStateException("No class server: it is started before the first test of a class that"
                    + " registers GmsServerExtension.server(...)");
        }
        return current;
    }

    private GmsServer register(GmsServer server) {
        List<GmsServer> scope = inTest ? testServers : classServers;
        synchronized (scope) {
            scope.add(server);
        }
        return server;
    }

    /** Stops the started servers of a scope all at once: each stop mostly waits for its Cassandra session to close. */
    private static void stopAll(List<GmsServer> scope) throws Exception {
        List<GmsServer> started;
        synchronized (scope) {
            started = scope.stream().filter(GmsServer::isStarted).toList();
            scope.clear();
        }
        if (started.isEmpty()) {
            return;
        }
        ExecutorService stopping = Executors.newFixedThreadPool(started.size());
        try {
            List<Future<?>> stops = new ArrayList<>();
            for (GmsServer server : started) {
                stops.add(stopping.submit(() -> {
                    server.stop();
                    return null;
                }));
            }
            Exception failure = null;
            for (Future<?> stop : stops) {
                try {
                    stop.get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failure = collect(failure, e.getCause() instanceof Exception cause ? cause : e);
                } catch (TimeoutException e) {
                    failure = collect(failure, e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            stopping.shutdownNow();
        }
    }

    private static Exception collect(Exception first, Exception next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
