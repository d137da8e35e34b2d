package org.gms.storage.cluster.lease;

import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.bindMarker;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.deleteFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.insertInto;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.selectFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.update;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.gms.storage.cassandra.Cql;

/**
 * Leases on lightweight transactions: {@code INSERT ... IF NOT EXISTS USING TTL}, {@code UPDATE ... IF owner = ?},
 * {@code DELETE ... IF owner = ?}. The serial consistency is the session's (LOCAL_SERIAL).
 */
public final class CassandraLeaseService implements LeaseService {

    private static final String TABLE = "cluster_leases";

    private final Cql cql;
    private final PreparedStatement insert;
    private final PreparedStatement renew;
    private final PreparedStatement delete;
    private final PreparedStatement select;

    public CassandraLeaseService(Cql cql, String keyspace) {
        this.cql = cql;
        this.insert = cql.session().prepare(insertInto(keyspace, TABLE)
                .value("name", bindMarker("name"))
                .value("owner", bindMarker("owner"))
                .ifNotExists()
                .usingTtl(bindMarker("ttl"))
                .build());
        this.renew = cql.session().prepare(update(keyspace, TABLE)
                .usingTtl(bindMarker("ttl"))
                .setColumn("owner", bindMarker("owner"))
                .whereColumn("name").isEqualTo(bindMarker("name"))
                .ifColumn("owner").isEqualTo(bindMarker("owner"))
                .build());
        this.delete = cql.session().prepare(deleteFrom(keyspace, TABLE)
                .whereColumn("name").isEqualTo(bindMarker("name"))
                .ifColumn("owner").isEqualTo(bindMarker("owner"))
                .build());
        this.select = cql.session().prepare(selectFrom(keyspace, TABLE).column("owner")
                .whereColumn("name").isEqualTo(bindMarker("name"))
                .build());
    }

    @Override
    public boolean acquire(String name, String owner, Duration ttl) {
        ResultSet result = cql.execute(insert.boundStatementBuilder()
                .setString("name", name).setString("owner", owner).setInt("ttl", seconds(ttl)).build());
        if (result.wasApplied()) {
            return true;
        }
        Row current = result.one();
        // our own lease survived a restart of the component: keep it rather than wait for it to lapse
        return current != null && Objects.equals(current.getString("owner"), owner) && renew(name, owner, ttl);
    }

    @Override
    public boolean renew(String name, String owner, Duration ttl) {
        return cql.execute(renew.boundStatementBuilder()
                .setString("name", name).setString("owner", owner).setInt("ttl", seconds(ttl)).build()).wasApplied();
    }

    @Override
    public boolean release(String name, String owner) {
        return cql.execute(delete.boundStatementBuilder().setString("name", name).setString("owner", owner).build())
                .wasApplied();
    }

    @Override
    public Optional<String> owner(String name) {
        Row row = cql.execute(select.boundStatementBuilder().setString("name", name)
                .setConsistencyLevel(DefaultConsistencyLevel.LOCAL_SERIAL).build()).one();
        return row == null ? Optional.empty() : Optional.ofNullable(row.getString("owner"));
    }

    @Override
    public Optional<String> ownerHint(String name) {
        Row row = cql.execute(select.boundStatementBuilder().setString("name", name).build()).one();
        return row == null ? Optional.empty() : Optional.ofNullable(row.getString("owner"));
    }

    private static int seconds(Duration ttl) {
        return (int) Math.max(1, (ttl.toMillis() + 999) / 1000);
    }
}
