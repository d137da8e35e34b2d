package org.gms.storage.cassandra.schema;

import org.gms.storage.CassandraSettings;

/** The two keyspaces of a cluster: {@code <prefix>} and {@code <prefix>_dd}. */
public enum KeyspaceKind {
    MAIN("cassandra_gsg_schema.cql"),
    DATA_DEPOT("cassandra_gsg_dd_schema.cql");

    private final String scriptName;

    KeyspaceKind(String scriptName) {
        this.scriptName = scriptName;
    }

    /** The file in {@code scripts/} that creates this keyspace's tables. */
    public String scriptName() {
        return scriptName;
    }

    public String keyspace(CassandraSettings settings) {
        return this == MAIN ? settings.keyspace() : settings.dataDepotKeyspace();
    }
}
