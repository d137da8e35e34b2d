package org.gms.storage.resource;

import static com.datastax.oss.driver.api.querybuilder.SchemaBuilder.createTable;

import com.datastax.oss.driver.api.core.type.DataTypes;
import org.gms.storage.cassandra.schema.KeyspaceKind;
import org.gms.storage.cassandra.schema.ShortLivedRows;
import org.gms.storage.cassandra.schema.TableDefinition;

/** Tables of the access-resource pools. */
public final class ResourceTables {

    /**
     * Cluster-wide locks of CLUSTER pools, taken with lightweight transactions; one partition per access number so
     * numbers never contend with each other. {@code access_code} is {@code ""} for an exclusive number.
     */
    public static final TableDefinition RESOURCE_LOCK = new TableDefinition(KeyspaceKind.MAIN, "resource_lock",
            keyspace -> ShortLivedRows.options(createTable(keyspace, "resource_lock").ifNotExists()
                    .withPartitionKey("access_number", DataTypes.TEXT)
                    .withClusteringColumn("access_code", DataTypes.TEXT)
                    .withColumn("holder", DataTypes.TEXT)
                    .withColumn("expires_at", DataTypes.TIMESTAMP)));

    /** Live bookings of every strategy, by access number, which is what match-interaction looks up. */
    public static final TableDefinition ACCESS_BOOKING = new TableDefinition(KeyspaceKind.MAIN, "access_booking",
            keyspace -> ShortLivedRows.options(createTable(keyspace, "access_booking").ifNotExists()
                    .withPartitionKey("access_number", DataTypes.TEXT)
                    .withClusteringColumn("access_code", DataTypes.TEXT)
                    .withClusteringColumn("service_id", DataTypes.TEXT)
                    .withColumn("group_name", DataTypes.TEXT)
                    .withColumn("strategy", DataTypes.TEXT)
                    .withColumn("phone_number", DataTypes.TEXT)
                    .withColumn("gms_user", DataTypes.TEXT)
                    .withColumn("booked_at", DataTypes.TIMESTAMP)
                    .withColumn("expires_at", DataTypes.TIMESTAMP)));

    private ResourceTables() {
    }
}
