package org.gms.storage.resource;

import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.bindMarker;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.deleteFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.insertInto;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.time.Instant;
import org.gms.storage.test.TestCassandra;

/**
 * The two lightweight transactions that booking a number of a CLUSTER pool and giving it back cost at the least
 * (take the number's lock, release it), issued straight through the driver on the same table: the baseline the
 * services benchmark compares request-interaction + match-interaction with. Not used by the server.
 */
public final class RawLockWorkload {

    private static final int TTL_SECONDS = 30;

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement release;

    public RawLockWorkload(TestCassandra cassandra) {
        session = cassandra.session();
        String keyspace = cassandra.settings().keyspace();
        String table = ResourceTables.RESOURCE_LOCK.name();
        insert = session.prepare(insertInto(keyspace, table)
                .value("access_number", bindMarker("access_number")).value("access_code", bindMarker("access_code"))
                .value("holder", bindMarker("holder")).value("expires_at", bindMarker("expires_at"))
                .ifNotExists().usingTtl(bindMarker("ttl")).build());
        release = session.prepare(deleteFrom(keyspace, table)
                .whereColumn("access_number").isEqualTo(bindMarker("access_number"))
                .whereColumn("access_code").isEqualTo(bindMarker("access_code"))
                .ifColumn("holder").isEqualTo(bindMarker("holder")).build());
    }

    /** Takes the lock of {@code number} and releases it; false when either write did not apply. */
    public boolean takeAndRelease(String number, String holder) {
        boolean taken = session.execute(insert.bind().setString("access_number", number).setString("access_code", "")
                .setString("holder", holder).setInstant("expires_at", Instant.now().plusSeconds(TTL_SECONDS))
                .setInt("ttl", TTL_SECONDS)).wasApplied();
        return taken && session.execute(release.bind().setString("access_number", number)
                .setString("access_code", "").setString("holder", holder)).wasApplied();
    }
}
