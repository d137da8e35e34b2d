package org.gms.storage.cassandra.schema;

import com.datastax.oss.driver.api.querybuilder.schema.CreateTableWithOptions;
import java.util.function.Function;

/**
 * One table of the schema, built with SchemaBuilder for any keyspace name.
 *
 * @param kind   which keyspace holds it
 * @param name   table name
 * @param create builds {@code CREATE TABLE IF NOT EXISTS} for a keyspace name
 */
public record TableDefinition(KeyspaceKind kind, String name, Function<String, CreateTableWithOptions> create) {

    public String cql(String keyspace) {
        return create.apply(keyspace).asCql();
    }
}
