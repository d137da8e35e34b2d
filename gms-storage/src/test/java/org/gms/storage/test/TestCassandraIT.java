package org.gms.storage.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.gms.storage.CassandraSettings;
import org.gms.storage.cassandra.schema.SchemaManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Keyspaces of their own for test classes that must not share data. */
@ExtendWith(CassandraExtension.class)
class TestCassandraIT {

    @Test
    void should_create_both_keyspaces_with_every_table_when_a_new_prefix_is_taken(TestCassandra cassandra) {
        String first = cassandra.newKeyspacePrefix();
        String second = cassandra.newKeyspacePrefix();

        assertThat(first).matches("[a-z][a-z0-9_]{0,19}").isNotEqualTo(second);
        // the keyspaces were made through another session: this one learns of them on refresh
        cassandra.session().refreshSchema();
        for (String prefix : new String[] {first, second}) {
            CassandraSettings settings = CassandraSettings.from(Map.of("nodes", "127.0.0.1:" + cassandra.nativePort(),
                    "keyspace-prefix", prefix), Map.of(), Path.of("target"));
            new SchemaManager(cassandra.session(), settings).verify();
        }
    }

    @Test
    void should_drop_both_keyspaces_in_the_background_when_their_users_are_done(TestCassandra cassandra) {
        String prefix = cassandra.newKeyspacePrefix();

        cassandra.dropKeyspacesLater(prefix);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var keyspaces = cassandra.session().refreshSchema().getKeyspaces().keySet().stream()
                    .map(name -> name.asInternal()).toList();
            return !keyspaces.contains(prefix) && !keyspaces.contains(prefix + "_dd");
        });
    }
}
