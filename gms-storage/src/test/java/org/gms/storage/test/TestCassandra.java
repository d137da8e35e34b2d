package org.gms.storage.test;

import com.datastax.oss.driver.api.core.CqlSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.gms.storage.CassandraSettings;
import org.gms.storage.StorageEnvironment;
import org.gms.storage.cassandra.EmbeddedCassandra;
import org.gms.storage.cassandra.EmbeddedNodeConfig;
import org.gms.storage.cassandra.SessionFactory;
import org.gms.storage.cassandra.schema.SchemaManager;

/**
 * One real Cassandra node per test JVM, on free loopback ports in a temporary folder, with the schema created.
 * Tests use {@link #settings()} to configure a server against it as an external cluster, and
 * {@link #newKeyspacePrefix()} when they need keyspaces nobody else writes to.
 */
public final class TestCassandra {

    public static final Duration SCHEMA_DEBOUNCE = Duration.ofMillis(10);
    private static TestCassandra instance;

    private final Path dataDir;
    private final EmbeddedCassandra node;
    private final CassandraSettings settings;
    private final CqlSession session;
    private KeyspacePairs keyspacePairs;

    private TestCassandra() throws IOException {
        dataDir = Files.createTempDirectory("gms-test-cassandra");
        int nativePort = freePort();
        node = new EmbeddedCassandra(new EmbeddedNodeConfig(dataDir, libDir(), dataDir.resolve("logs"), nativePort,
                freePort(), "384m", true));
        node.start();
        settings = TestSettings.cassandra(Map.of("nodes", "127.0.0.1:" + nativePort), dataDir);
        session = SessionFactory.connect(settings, SCHEMA_DEBOUNCE);
        new SchemaManager(session, settings).createAll();
    }

    /** Starts the node on first use; fails, never skips, when it cannot start. */
    public static synchronized TestCassandra get() {
        if (instance == null) {
            try {
                instance = new TestCassandra();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::shutdown, "test-cassandra-stop"));
        }
        return instance;
    }

    /** Settings of an external cluster made of this node, keyspaces already created. */
    public CassandraSettings settings() {
        return settings;
    }

    /** A {@code [cassandra]} section that points a server at this node. */
    public Map<String, String> section() {
        return Map.of("nodes", "127.0.0.1:" + node.nativePort());
    }

    public int nativePort() {
        return node.nativePort();
    }

    public CqlSession session() {
        return session;
    }

    /** The chat tables of the default keyspace ({@code settings().keyspace()}), as the server's DAO reaches them. */
    public org.gms.storage.chat.ChatRepository chats() {
        return new org.gms.storage.chat.ChatRepository(new org.gms.storage.cassandra.Cql(session), settings.keyspace());
    }

    /**
     * A new pair of keyspaces, {@code <prefix>} and {@code <prefix>_dd}, with every table of the schema; the prefix is
     * what {@code [cassandra] keyspace-prefix} takes.
     */
    public String newKeyspacePrefix() {
        return keyspacePairs().take();
    }

    /**
     * Drops a pair made by {@link #newKeyspacePrefix()} once its users are done, without waiting for it: a suite that
     * only added keyspaces would run the node out of memory after some forty pairs.
     */
    public void dropKeyspacesLater(String prefix) {
        keyspacePairs().dropLater(prefix);
    }

    private synchronized KeyspacePairs keyspacePairs() {
        if (keyspacePairs == null) {
            keyspacePairs = new KeyspacePairs(node.nativePort(), settings.localDc());
        }
        return keyspacePairs;
    }

    public StorageEnvironment environment() {
        return new StorageEnvironment(libDir(), dataDir.resolve("logs"), true, SCHEMA_DEBOUNCE);
    }

    private void shutdown() {
        synchronized (this) {
            if (keyspacePairs != null) {
                keyspacePairs.close();
            }
        }
        session.close();
        node.stop();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    static Path libDir() {
        String property = System.getProperty(StorageEnvironment.CASSANDRA_LIB_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        Path fromModule = Path.of("..", "cassandra-node", "target", "lib");
        return Files.isDirectory(fromModule) ? fromModule : Path.of("cassandra-node", "target", "lib");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
