package org.gms.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.gms.storage.test.TestCassandra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write the embedded node acknowledged survives the node's death: rows are written while the Cassandra process is
 * killed (SIGKILL, no flush), and after a restart on the same files every acknowledged row is there. The node of a
 * server (not a disposable test node) acknowledges a write once its commit log is on disk (group commit).
 */
class EmbeddedDurabilityIT {

    private static final int ROWS = 3_000;
    private static final int IN_FLIGHT = 32;

    @TempDir
    Path home;

    @Test
    void should_keep_every_acknowledged_write_when_the_node_is_killed() throws Exception {
        Path data = home.resolve("data");
        Path lib = TestCassandra.get().environment().cassandraLib();
        int nativePort = freePort();
        int storagePort = freePort();
        EmbeddedNodeConfig config = new EmbeddedNodeConfig(data, lib, home.resolve("logs"), nativePort, storagePort,
                "256m", false);
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        EmbeddedCassandra node = new EmbeddedCassandra(config);
        node.start();
        try (CqlSession session = session(nativePort)) {
            session.execute("CREATE KEYSPACE durability WITH replication = {'class': 'SimpleStrategy',"
                    + " 'replication_factor': 1}");
            session.execute("CREATE TABLE durability.rows (id int PRIMARY KEY, value text)");
            PreparedStatement insert = session.prepare("INSERT INTO durability.rows (id, value) VALUES (?, ?)");
            Semaphore slots = new Semaphore(IN_FLIGHT);
            List<CompletableFuture<?>> writes = new ArrayList<>();
            long pid = Long.parseLong(Files.readString(data.resolve("cassandra.pid")).trim());
            for (int id = 0; id < ROWS; id++) {
                if (id == ROWS / 2) {
                    // killed in the middle of the writes: nothing is flushed, nothing is shut down
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
                if (!slots.tryAcquire(10, TimeUnit.SECONDS)) {
                    break;
                }
                int row = id;
                writes.add(session.executeAsync(insert.bind(row, "value-" + row)).toCompletableFuture()
                        .whenComplete((result, error) -> {
                            if (error == null) {
                                acknowledged.add(row);
                            }
                            slots.release();
                        }));
                if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && id > ROWS / 2 + IN_FLIGHT) {
                    break;
                }
            }
            for (CompletableFuture<?> write : writes) {
                write.handle((result, error) -> null).get(30, TimeUnit.SECONDS);
            }
        } finally {
            node.stop();
        }
        assertThat(acknowledged).as("writes acknowledged before the kill").hasSizeGreaterThan(ROWS / 4);

        try (EmbeddedCassandra restarted = new EmbeddedCassandra(config)) {
            restarted.start();
            try (CqlSession session = session(nativePort)) {
                Set<Integer> stored = ConcurrentHashMap.newKeySet();
                session.execute("SELECT id FROM durability.rows").forEach(row -> stored.add(row.getInt("id")));
                Set<Integer> lost = new java.util.TreeSet<>(acknowledged);
                lost.removeAll(stored);
                assertThat(lost).as("acknowledged writes missing after the restart (of %d acknowledged)",
                        acknowledged.size()).isEmpty();
            }
        }
    }

    private static CqlSession session(int port) {
        return CqlSession.builder().addContactPoint(new InetSocketAddress("127.0.0.1", port))
                .withLocalDatacenter("datacenter1").build();
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
