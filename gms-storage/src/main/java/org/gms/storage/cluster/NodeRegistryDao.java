package org.gms.storage.cluster;

import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.bindMarker;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.deleteFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.insertInto;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.literal;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.selectFrom;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.ArrayList;
import java.util.List;
import org.gms.storage.cassandra.Cql;

/** CQL of {@code cluster_nodes}: all rows live in the partition {@code ring}. */
public final class NodeRegistryDao {

    private static final String TABLE = "cluster_nodes";
    private static final String RING = "ring";

    private final Cql cql;
    private final PreparedStatement upsert;
    private final PreparedStatement delete;
    private final PreparedStatement selectAll;

    public NodeRegistryDao(Cql cql, String keyspace) {
        this.cql = cql;
        this.upsert = cql.session().prepare(insertInto(keyspace, TABLE)
                .value("ring", literal(RING))
                .value("node_id", bindMarker("node_id"))
                .value("url", bindMarker("url"))
                .value("version", bindMarker("version"))
                .value("started_at", bindMarker("started_at"))
                .value("status", bindMarker("status"))
                .value("data_center", bindMarker("data_center"))
                .value("last_seen", bindMarker("last_seen"))
                .usingTtl(bindMarker("ttl"))
                .build());
        this.delete = cql.session().prepare(deleteFrom(keyspace, TABLE)
                .whereColumn("ring").isEqualTo(literal(RING))
                .whereColumn("node_id").isEqualTo(bindMarker("node_id"))
                .build());
        this.selectAll = cql.session().prepare(selectFrom(keyspace, TABLE)
                .columns("node_id", "url", "version", "started_at", "status", "data_center", "last_seen")
                .whereColumn("ring").isEqualTo(literal(RING))
                .build());
    }

    public void upsert(NodeRecord node, int ttlSeconds) {
        cql.execute(upsert.boundStatementBuilder()
                .setInt("node_id", node.nodeId())
                .setString("url", node.url())
                .setString("version", node.version())
                .setInstant("started_at", node.startedAt())
                .setString("status", node.status())
                .setString("data_center", node.dataCenter())
                .setInstant("last_seen", node.lastSeen())
                .setInt("ttl", ttlSeconds)
                .build());
    }

    public void delete(int nodeId) {
        cql.execute(delete.boundStatementBuilder().setInt("node_id", nodeId).build());
    }

    public List<NodeRecord> all() {
        List<NodeRecord> nodes = new ArrayList<>();
        for (Row row : cql.execute(selectAll.bind())) {
            nodes.add(toNode(row));
        }
        return nodes;
    }

    private static NodeRecord toNode(Row row) {
        return new NodeRecord(row.getInt("node_id"), row.getString("url"), row.getString("version"),
                row.getInstant("started_at"), row.getString("status"), row.getString("data_center"),
                row.getInstant("last_seen"));
    }
}
