package org.gms.storage.resource;

import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.bindMarker;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.deleteFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.insertInto;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.selectFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.update;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gms.storage.cassandra.Cql;

/** CQL of {@code resource_lock}: conditional writes only, so two nodes never both win a number. */
final class ResourceLockDao {

    private static final String TABLE = ResourceTables.RESOURCE_LOCK.name();

    /** A lock row; {@code applied} tells whether the conditional write that returned it won. */
    record Lock(boolean applied, String accessNumber, String accessCode, String holder, Instant expiresAt) {
    }

    private final Cql cql;
    private final PreparedStatement insert;
    private final PreparedStatement takeOver;
    private final PreparedStatement release;
    private final PreparedStatement select;

    ResourceLockDao(Cql cql, String keyspace) {
        this.cql = cql;
        this.insert = cql.session().prepare(insertInto(keyspace, TABLE)
                .value("access_number", bindMarker("access_number"))
                .value("access_code", bindMarker("access_code"))
                .value("holder", bindMarker("holder"))
                .value("expires_at", bindMarker("expires_at"))
                .ifNotExists().usingTtl(bindMarker("ttl")).build());
        this.takeOver = cql.session().prepare(update(keyspace, TABLE).usingTtl(bindMarker("ttl"))
                .setColumn("holder", bindMarker("holder"))
                .setColumn("expires_at", bindMarker("expires_at"))
                .whereColumn("access_number").isEqualTo(bindMarker("access_number"))
                .whereColumn("access_code").isEqualTo(bindMarker("access_code"))
                .ifColumn("holder").isEqualTo(bindMarker("previous_holder"))
                .ifColumn("expires_at").isEqualTo(bindMarker("previous_expires_at")).build());
        this.release = cql.session().prepare(deleteFrom(keyspace, TABLE)
                .whereColumn("access_number").isEqualTo(bindMarker("access_number"))
                .whereColumn("access_code").isEqualTo(bindMarker("access_code"))
                .ifColumn("holder").isEqualTo(bindMarker("holder")).build());
        this.select = cql.session().prepare(selectFrom(keyspace, TABLE).all()
                .whereColumn("access_number").in(bindMarker("numbers")).build());
    }

    /** Takes a free lock; when not applied, the result carries the current holder. */
    Lock insertIfAbsent(String number, String code, String holder, Instant expiresAt, int ttlSeconds) {
        ResultSet result = cql.execute(insert.bind()
                .setString("access_number", number).setString("access_code", code)
                .setString("holder", holder).setInstant("expires_at", expiresAt).setInt("ttl", ttlSeconds));
        return toLock(result, number, code);
    }

    /** Replaces an expired lock that Cassandra has not dropped yet, only if nobody replaced it first. */
    boolean takeOver(Lock expired, String holder, Instant expiresAt, int ttlSeconds) {
        return cql.execute(takeOver.bind()
                .setString("access_number", expired.accessNumber()).setString("access_code", expired.accessCode())
                .setString("holder", holder).setInstant("expires_at", expiresAt).setInt("ttl", ttlSeconds)
                .setString("previous_holder", expired.holder())
                .setInstant("previous_expires_at", expired.expiresAt())).wasApplied();
    }

    boolean release(String number, String code, String holder) {
        return cql.execute(release.bind().setString("access_number", number).setString("access_code", code)
                .setString("holder", holder)).wasApplied();
    }

    List<Lock> find(List<String> numbers) {
        List<Lock> locks = new ArrayList<>();
        for (Row row : cql.execute(select.bind().setList("numbers", numbers, String.class))) {
            locks.add(new Lock(false, row.getString("access_number"), row.getString("access_code"),
                    row.getString("holder"), row.getInstant("expires_at")));
        }
        return locks;
    }

    private static Lock toLock(ResultSet result, String number, String code) {
        if (result.wasApplied()) {
            return new Lock(true, number, code, null, null);
        }
        Row row = result.one();
        return new Lock(false, number, code, row == null ? null : row.getString("holder"),
                row == null ? null : row.getInstant("expires_at"));
    }
}
