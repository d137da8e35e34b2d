package org.gms.storage.service;

import static com.datastax.oss.driver.api.querybuilder.SchemaBuilder.createTable;

import com.datastax.oss.driver.api.core.type.DataTypes;
import org.gms.storage.cassandra.schema.KeyspaceKind;
import org.gms.storage.cassandra.schema.TableDefinition;

/** Tables of the service API. */
public final class ServiceTables {

    /**
     * One created service instance: its request parameters, the access resources it holds ({@code "<number> <code>"}
     * to {@code "<group> <strategy>"}), and its expiry (TTL plus the stored {@code expires_at}).
     */
    public static final TableDefinition SERVICE_INSTANCE = new TableDefinition(KeyspaceKind.MAIN, "service_instance",
            keyspace -> createTable(keyspace, "service_instance").ifNotExists()
                    .withPartitionKey("id", DataTypes.TEXT)
                    .withColumn("service", DataTypes.TEXT)
                    .withColumn("parameters", DataTypes.mapOf(DataTypes.TEXT, DataTypes.TEXT))
                    .withColumn("resources", DataTypes.mapOf(DataTypes.TEXT, DataTypes.TEXT))
                    .withColumn("gms_user", DataTypes.TEXT)
                    .withColumn("created_at", DataTypes.TIMESTAMP)
                    .withColumn("expires_at", DataTypes.TIMESTAMP));

    private ServiceTables() {
    }
}
