package org.gms.storage.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gms.storage.CassandraSettings;
import org.gms.storage.cassandra.SessionFactory;
import org.gms.storage.cassandra.schema.SchemaManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Keyspaces of their own for test classes that must not share data. */
@ExtendWith(CassandraExtension.class)
class KeyspacePrefixesIT {

    @Test
    void should_create_both_keyspaces_with_every_table_when_a_new_prefix_is_taken(TestCassandra cassandra) {
        String first = cassandra.newKeyspacePrefix();
        String second = cassandra.newKeyspacePrefix();

        assertThat(first).matches("[a-z][a-z0-9_]{0,19}").isNotEqualTo(second);
        for (String prefix : new String[] {first, second}) {
            CassandraSettings settings = TestSettings.cassandra(Map.of("nodes", "127.0.0.1:" + cassandra.nativePort(),
                    "keyspace-prefix", prefix), Path.of("target"));
            // a session as the server opens it, whose metadata covers these keyspaces
            try (CqlSession session = SessionFactory.connect(settings, TestCassandra.SCHEMA_DEBOUNCE)) {
                new SchemaManager(session, settings).verify();
            }
        }
    }

    @Test
    void should_drop_both_keyspaces_in_the_background_when_their_users_are_done(TestCassandra cassandra) {
        String prefix = cassandra.newKeyspacePrefix();

        assertThat(keyspaces(cassandra)).contains(prefix, prefix + "_dd");

        cassandra.dropKeyspacesLater(prefix);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> keyspaces = keyspaces(cassandra);
            return !keyspaces.contains(prefix) && !keyspaces.contains(prefix + "_dd");
        });
    }

    /** Read from the node's own schema table: a session's metadata covers its own keyspaces only. */
    private static List<String> keyspaces(TestCassandra cassandra) {
        return cassandra.session().execute("SELECT keyspace_name FROM system_schema.keyspaces").all().stream()
                .map(row -> row.getString("keyspace_name")).toList();
    }
}
