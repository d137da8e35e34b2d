package org.gms.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.gms.storage.CassandraSettings;
import org.gms.storage.StorageEnvironment;
import org.gms.storage.error.StorageUnavailableException;
import org.gms.storage.test.TestCassandra;
import org.gms.storage.test.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server-owned embedded node: schema creation, persistence across restarts, outage and recovery. */
class CassandraStorageIT {

    @TempDir
    Path home;

    @Test
    void should_keep_data_and_recover_from_an_outage_when_the_embedded_node_restarts() throws Exception {
        CassandraSettings settings = TestSettings.cassandra(Map.of(
                "native-port", Integer.toString(freePort()),
                "embedded-storage-port", Integer.toString(freePort()),
                "embedded-heap", "256m"), home);
        StorageEnvironment environment = new StorageEnvironment(TestCassandra.get().environment().cassandraLib(),
                home.resolve("logs"), false, Duration.ofMillis(10));
        SimpleStatement read = SimpleStatement.newInstance("SELECT value FROM gsg.cluster_info WHERE name = 'probe'");

        try (CassandraStorage storage = new CassandraStorage(settings, environment)) {
            storage.start();
            storage.cql().execute(SimpleStatement.newInstance(
                    "INSERT INTO gsg.cluster_info (name, value) VALUES ('probe', 'kept')"));

            storage.embeddedNode().stop();
            assertThat(storage.probe()).isFalse();
            assertThatThrownBy(() -> storage.cql().execute(read))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageStartingWith("Storage is unavailable");

            storage.embeddedNode().start();
            await().atMost(Duration.ofSeconds(30)).until(storage::probe);
            assertThat(storage.cql().execute(read).one().getString("value")).isEqualTo("kept");
        }
        assertThat(home.resolve("data/cassandra/cassandra.pid")).doesNotExist();

        try (CassandraStorage restarted = new CassandraStorage(settings, environment)) {
            restarted.start();
            assertThat(restarted.cql().execute(read).one().getString("value")).isEqualTo("kept");
        }
        assertThat(Files.readString(home.resolve("logs/cassandra.log"))).contains("Startup complete");
    }

    @Test
    void should_refuse_a_second_node_when_the_data_folder_is_in_use() throws IOException {
        Path lib = TestCassandra.get().environment().cassandraLib();
        EmbeddedNodeConfig config = new EmbeddedNodeConfig(home.resolve("data"), lib, home.resolve("logs"), freePort(),
                freePort(), "256m", true);
        try (EmbeddedCassandra first = new EmbeddedCassandra(config)) {
            first.start();
            EmbeddedCassandra second = new EmbeddedCassandra(config);
            assertThatThrownBy(second::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another running server already uses the embedded Cassandra data folder");
            assertThat(first.isRunning()).isTrue();
        }
    }

    @Test
    void should_name_the_nodes_tried_when_no_contact_point_answers() throws IOException {
        int closedPort = freePort();
        CassandraSettings settings = TestSettings.cassandra(Map.of("nodes", "127.0.0.1:" + closedPort), home);
        assertThatThrownBy(() -> SessionFactory.connect(settings, Duration.ofMillis(10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot reach Cassandra at [127.0.0.1:" + closedPort + "]");
    }

    @Test
    void should_explain_what_to_build_when_the_cassandra_jars_are_missing() throws IOException {
        EmbeddedNodeConfig config = new EmbeddedNodeConfig(home.resolve("data"), home.resolve("no-jars"),
                home.resolve("logs"), freePort(), freePort(), "256m", true);
        assertThatThrownBy(() -> new EmbeddedCassandra(config).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The embedded Cassandra jars are missing from")
                .hasMessageContaining("mvn -B package");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
