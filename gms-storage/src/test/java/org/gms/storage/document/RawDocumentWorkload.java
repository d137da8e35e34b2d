package org.gms.storage.document;

import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.bindMarker;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.insertInto;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.selectFrom;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gms.storage.document.cassandra.DocumentTables;
import org.gms.storage.test.TestCassandra;

/**
 * The writes and reads a Storage API create and read cost, issued straight through the driver: the baseline the
 * storage benchmark compares the HTTP path with. Not used by the server.
 */
public final class RawDocumentWorkload {

    private final CqlSession session;
    private final PreparedStatement insertHeader;
    private final PreparedStatement insertText;
    private final PreparedStatement selectDocument;

    public RawDocumentWorkload(TestCassandra cassandra) {
        session = cassandra.session();
        String keyspace = cassandra.settings().dataDepotKeyspace();
        insertHeader = session.prepare(insertInto(keyspace, DocumentTables.DOCUMENT)
                .value("id", bindMarker("id")).value("expires_at", bindMarker("expires_at"))
                .usingTtl(bindMarker("ttl")).build());
        insertText = session.prepare(insertInto(keyspace, DocumentTables.DOCUMENT)
                .value("id", bindMarker("id")).value("key", bindMarker("key")).value("value", bindMarker("value"))
                .usingTtl(bindMarker("ttl")).build());
        selectDocument = session.prepare(selectFrom(keyspace, DocumentTables.DOCUMENT)
                .columns("key", "owner", "expires_at", "value", "file_version")
                .whereColumn("id").isEqualTo(bindMarker("id")).build());
    }

    /** One logged batch on the document's partition: the header and one row per field. */
    public void create(String id, Map<String, String> fields, int ttlSeconds) {
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED);
        batch.addStatement(insertHeader.bind().setString("id", id)
                .setInstant("expires_at", Instant.now().plusSeconds(ttlSeconds)).setInt("ttl", ttlSeconds));
        fields.forEach((key, value) -> batch.addStatement(insertText.bind().setString("id", id).setString("key", key)
                .setString("value", value).setInt("ttl", ttlSeconds)));
        session.execute(batch.build());
    }

    /** Every key of the document, as the JSON read returns them. */
    public Map<String, String> read(String id) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Row row : session.execute(selectDocument.bind().setString("id", id))) {
            if (row.getString("key") != null) {
                values.put(row.getString("key"), row.getString("value"));
            }
        }
        return values;
    }
}
