package org.gms.storage.cassandra.schema;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gms.storage.CassandraSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the schema is there. On the embedded node it creates keyspaces and tables; on an external cluster it only
 * checks, or creates missing tables (never keyspaces) when {@code [cassandra] create-tables=true}.
 */
public final class SchemaManager {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaManager.class);

    private final CqlSession session;
    private final CassandraSettings settings;

    public SchemaManager(CqlSession session, CassandraSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    /** Embedded node: keyspaces with SimpleStrategy RF 1, then every table that does not exist yet. */
    public void createAll() {
        for (KeyspaceKind kind : KeyspaceKind.values()) {
            if (session.getMetadata().getKeyspace(kind.keyspace(settings)).isEmpty()) {
                session.execute("CREATE KEYSPACE IF NOT EXISTS " + kind.keyspace(settings)
                        + " WITH replication = {'class':'SimpleStrategy','replication_factor':1} AND durable_writes = true");
            }
        }
        List<TableDefinition> missing = GmsSchema.tables().stream()
                .filter(table -> session.getMetadata().getKeyspace(table.kind().keyspace(settings))
                        .flatMap(keyspace -> keyspace.getTable(table.name())).isEmpty())
                .toList();
        createTables(missing);
    }

    /** External cluster: fails naming every missing keyspace or table, unless it may create the tables. */
    public void verify() {
        List<String> missingKeyspaces = new ArrayList<>();
        List<TableDefinition> missingTables = new ArrayList<>();
        for (KeyspaceKind kind : KeyspaceKind.values()) {
            String keyspace = kind.keyspace(settings);
            Optional<KeyspaceMetadata> metadata = session.getMetadata().getKeyspace(keyspace);
            if (metadata.isEmpty()) {
                missingKeyspaces.add(keyspace + " (create it with scripts/" + kind.scriptName() + ")");
                continue;
            }
            for (TableDefinition table : GmsSchema.tables(kind)) {
                if (metadata.get().getTable(table.name()).isEmpty()) {
                    missingTables.add(table);
                }
            }
        }
        if (!missingKeyspaces.isEmpty()) {
            throw new IllegalStateException("Missing Cassandra keyspace(s): " + String.join(", ", missingKeyspaces)
                    + ". The server never creates keyspaces on an external cluster.");
        }
        if (missingTables.isEmpty()) {
            return;
        }
        List<String> names = missingTables.stream()
                .map(table -> table.kind().keyspace(settings) + "." + table.name()).toList();
        if (!settings.createTables()) {
            throw new IllegalStateException("Missing Cassandra table(s): " + String.join(", ", names)
                    + ". Run scripts/cassandra_gsg_schema.cql and scripts/cassandra_gsg_dd_schema.cql"
                    + " (scripts/gms cql --schema),"
                    + " or set [cassandra] create-tables=true.");
        }
        LOG.info("Creating missing Cassandra tables: {}", names);
        createTables(missingTables);
    }

    private void createTables(List<TableDefinition> tables) {
        for (TableDefinition table : tables) {
            String cql = table.cql(table.kind().keyspace(settings));
            try {
                session.execute(cql);
            } catch (UnauthorizedException e) {
                throw new IllegalStateException("The Cassandra user may not create " + table.name() + ": "
                        + e.getMessage() + ". Grant CREATE on the keyspace or run the schema scripts.", e);
            }
        }
        session.checkSchemaAgreement();
    }
}
