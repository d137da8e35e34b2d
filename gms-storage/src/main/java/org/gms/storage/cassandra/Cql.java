package org.gms.storage.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.util.concurrent.CompletionStage;

/** Runs statements with the driver's exceptions translated at the storage boundary. */
public final class Cql {

    private final CqlSession session;

    public Cql(CqlSession session) {
        this.session = session;
    }

    public ResultSet execute(Statement<?> statement) {
        try {
            return session.execute(statement);
        } catch (RuntimeException e) {
            throw CassandraErrors.translate(e);
        }
    }

    public CompletionStage<AsyncResultSet> executeAsync(Statement<?> statement) {
        try {
            return session.executeAsync(statement).handle((result, error) -> {
                if (error != null) {
                    throw CassandraErrors.translate(error);
                }
                return result;
            });
        } catch (RuntimeException e) {
            throw CassandraErrors.translate(e);
        }
    }

    public CqlSession session() {
        return session;
    }
}
