package org.gms.storage.cluster;

import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.bindMarker;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.insertInto;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import org.gms.storage.cassandra.Cql;

/** Cluster-wide facts in {@code cluster_info}, each written once by whichever node comes first (LWT). */
public final class ClusterInfoDao {

    public static final String CLUSTER_NAME = "cluster_name";
    public static final String CLUSTER_SECRET = "cluster_secret";

    private final Cql cql;
    private final PreparedStatement insert;

    public ClusterInfoDao(Cql cql, String keyspace) {
        this.cql = cql;
        this.insert = cql.session().prepare(insertInto(keyspace, "cluster_info")
                .value("name", bindMarker("name"))
                .value("value", bindMarker("value"))
                .value("updated_at", bindMarker("updated_at"))
                .ifNotExists()
                .build());
    }

    /** Records {@code value} under {@code name} unless a value is there already; returns the value that holds. */
    public String claim(String name, String value, Instant now) {
        ResultSet result = cql.execute(insert.boundStatementBuilder()
                .setString("name", name).setString("value", value).setInstant("updated_at", now).build());
        if (result.wasApplied()) {
            return value;
        }
        Row current = result.one();
        return current == null ? value : current.getString("value");
    }
}
