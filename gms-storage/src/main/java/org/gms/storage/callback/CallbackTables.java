package org.gms.storage.callback;

import static com.datastax.oss.driver.api.querybuilder.SchemaBuilder.createTable;

import com.datastax.oss.driver.api.core.type.DataTypes;
import org.gms.storage.cassandra.schema.KeyspaceKind;
import org.gms.storage.cassandra.schema.ShortLivedRows;
import org.gms.storage.cassandra.schema.TableDefinition;

/**
 * Tables of the callback service. The record is the truth; the other tables are indexes written beside it and
 * checked against it on every read, so an index row left behind by a node that died between two writes is skipped
 * (and removed), never served. Every row expires with the callback ({@code _desired_time + _ttl}).
 * <ul>
 *   <li>{@code callback}: one row per callback, updated by compare-and-set on {@code version};</li>
 *   <li>{@code callback_by_key}: the values of the lookup keys ({@code _customer_lookup_keys}), for queries by
 *       property;</li>
 *   <li>{@code callback_by_time}: desired times per service and UTC day, for time-range queries and recovery;</li>
 *   <li>{@code callback_active}: the submitted, unfinished callbacks of a service (QUEUED, ROUTING, PROCESSING,
 *       PAUSED), for queue limits, watermarks, positions and the agent queue;</li>
 *   <li>{@code callback_seat}: the places of a capacity slot, one row per place taken, claimed with a lightweight
 *       transaction so that a slot never holds more callbacks than its capacity, whatever the number of nodes;</li>
 *   <li>{@code callback_counter}: throttle windows and daily counters, each a small text state changed by
 *       compare-and-set.</li>
 * </ul>
 */
public final class CallbackTables {

    public static final String CALLBACK = "callback";
    public static final String BY_KEY = "callback_by_key";
    public static final String BY_TIME = "callback_by_time";
    public static final String ACTIVE = "callback_active";
    public static final String SEAT = "callback_seat";
    public static final String COUNTER = "callback_counter";

    public static final TableDefinition CALLBACK_TABLE = new TableDefinition(KeyspaceKind.MAIN, CALLBACK,
            keyspace -> createTable(keyspace, CALLBACK).ifNotExists()
                    .withPartitionKey("id", DataTypes.TEXT)
                    .withColumn("service", DataTypes.TEXT)
                    .withColumn("state", DataTypes.TEXT)
                    .withColumn("reason", DataTypes.TEXT)
                    .withColumn("desired_time", DataTypes.TIMESTAMP)
                    .withColumn("queue", DataTypes.TEXT)
                    .withColumn("agent", DataTypes.TEXT)
                    .withColumn("attempts", DataTypes.INT)
                    .withColumn("slot_start", DataTypes.TIMESTAMP)
                    .withColumn("seat", DataTypes.INT)
                    .withColumn("data", DataTypes.frozenMapOf(DataTypes.TEXT, DataTypes.TEXT))
                    .withColumn("created_at", DataTypes.TIMESTAMP)
                    .withColumn("updated_at", DataTypes.TIMESTAMP)
                    .withColumn("expires_at", DataTypes.TIMESTAMP)
                    .withColumn("version", DataTypes.INT));

    public static final TableDefinition BY_KEY_TABLE = new TableDefinition(KeyspaceKind.MAIN, BY_KEY,
            keyspace -> ShortLivedRows.options(createTable(keyspace, BY_KEY).ifNotExists()
                    .withPartitionKey("name", DataTypes.TEXT)
                    .withPartitionKey("value", DataTypes.TEXT)
                    .withClusteringColumn("id", DataTypes.TEXT)
                    .withColumn("service", DataTypes.TEXT)));

    public static final TableDefinition BY_TIME_TABLE = new TableDefinition(KeyspaceKind.MAIN, BY_TIME,
            keyspace -> createTable(keyspace, BY_TIME).ifNotExists()
                    .withPartitionKey("service", DataTypes.TEXT)
                    .withPartitionKey("day", DataTypes.BIGINT)
                    .withClusteringColumn("desired_time", DataTypes.TIMESTAMP)
                    .withClusteringColumn("id", DataTypes.TEXT));

    public static final TableDefinition ACTIVE_TABLE = new TableDefinition(KeyspaceKind.MAIN, ACTIVE,
            keyspace -> ShortLivedRows.options(createTable(keyspace, ACTIVE).ifNotExists()
                    .withPartitionKey("service", DataTypes.TEXT)
                    .withClusteringColumn("id", DataTypes.TEXT)
                    .withColumn("queue", DataTypes.TEXT)
                    .withColumn("desired_time", DataTypes.TIMESTAMP)
                    .withColumn("state", DataTypes.TEXT)));

    public static final TableDefinition SEAT_TABLE = new TableDefinition(KeyspaceKind.MAIN, SEAT,
            keyspace -> ShortLivedRows.options(createTable(keyspace, SEAT).ifNotExists()
                    .withPartitionKey("service", DataTypes.TEXT)
                    .withPartitionKey("slot_start", DataTypes.TIMESTAMP)
                    .withClusteringColumn("seat", DataTypes.INT)
                    .withColumn("holder", DataTypes.TEXT)));

    public static final TableDefinition COUNTER_TABLE = new TableDefinition(KeyspaceKind.MAIN, COUNTER,
            keyspace -> createTable(keyspace, COUNTER).ifNotExists()
                    .withPartitionKey("name", DataTypes.TEXT)
                    .withColumn("state", DataTypes.TEXT));

    private CallbackTables() {
    }
}
