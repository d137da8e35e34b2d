package org.gms.storage.cassandra.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.gms.storage.CassandraSettings;
import org.gms.storage.cassandra.SessionFactory;
import org.gms.storage.test.CassandraExtension;
import org.gms.storage.test.TestCassandra;
import org.gms.storage.test.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CassandraExtension.class)
class SchemaManagerIT {

    private final TestCassandra cassandra;
    private final CqlSession session;

    SchemaManagerIT(TestCassandra cassandra) {
        this.cassandra = cassandra;
        this.session = cassandra.session();
    }

    @Test
    void should_pass_when_every_table_exists() {
        new SchemaManager(session, cassandra.settings()).verify();
    }

    @Test
    void should_keep_tombstones_three_hours_when_a_table_holds_short_lived_rows() {
        for (String table : java.util.List.of("access_booking", "resource_lock", "push_subscription_by_filter")) {
            com.datastax.oss.driver.api.core.cql.Row options = session.execute(
                    "SELECT gc_grace_seconds, memtable_flush_period_in_ms, compaction FROM system_schema.tables"
                            + " WHERE keyspace_name = ? AND table_name = ?", cassandra.settings().keyspace(), table).one();
            assertThat(options).as(table).isNotNull();
            assertThat(options.getInt("gc_grace_seconds")).as(table).isEqualTo(ShortLivedRows.GC_GRACE_SECONDS);
            assertThat(options.getInt("memtable_flush_period_in_ms")).as(table).isEqualTo(3_600_000);
            assertThat(options.getMap("compaction", String.class, String.class)).as(table)
                    .containsEntry("unchecked_tombstone_compaction", "true");
        }
    }

    @Test
    void should_name_missing_keyspaces_and_never_create_them_when_the_cluster_is_external() {
        CassandraSettings settings = settings(uniquePrefix(), false);
        try (CqlSession own = connect(settings)) {
            assertThatThrownBy(() -> new SchemaManager(own, settings).verify())
                    .hasMessageContaining("Missing Cassandra keyspace(s): " + settings.keyspace())
                    .hasMessageContaining(settings.dataDepotKeyspace());
            assertThat(own.getMetadata().getKeyspace(settings.keyspace())).isEmpty();
        }
    }

    @Test
    void should_name_each_missing_table_when_create_tables_is_off() {
        CassandraSettings settings = settings(uniquePrefix(), false);
        createKeyspaces(settings);
        try (CqlSession own = connect(settings)) {
            assertThatThrownBy(() -> new SchemaManager(own, settings).verify())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Missing Cassandra table(s): " + settings.keyspace() + ".cluster_info")
                    .hasMessageContaining("create-tables=true");
        }
    }

    @Test
    void should_create_missing_tables_but_not_keyspaces_when_create_tables_is_on() {
        CassandraSettings settings = settings(uniquePrefix(), true);
        createKeyspaces(settings);
        try (CqlSession own = connect(settings)) {
            new SchemaManager(own, settings).verify();
            own.refreshSchema();
            for (TableDefinition table : GmsSchema.tables()) {
                assertThat(own.getMetadata().getKeyspace(table.kind().keyspace(settings)).orElseThrow()
                        .getTable(table.name())).isPresent();
            }
        }
    }

    /** A session as a server opens it: its schema metadata covers the keyspaces of its settings only. */
    private static CqlSession connect(CassandraSettings settings) {
        return SessionFactory.connect(settings, TestCassandra.SCHEMA_DEBOUNCE);
    }

    private void createKeyspaces(CassandraSettings settings) {
        for (KeyspaceKind kind : KeyspaceKind.values()) {
            session.execute("CREATE KEYSPACE " + kind.keyspace(settings)
                    + " WITH replication = {'class':'SimpleStrategy','replication_factor':1}");
        }
    }

    private CassandraSettings settings(String prefix, boolean createTables) {
        return TestSettings.cassandra(Map.of("nodes", "127.0.0.1:" + cassandra.nativePort(), "keyspace-prefix", prefix,
                "create-tables", Boolean.toString(createTables)), Path.of("."));
    }

    private static String uniquePrefix() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
