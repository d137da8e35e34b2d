package org.gms.storage.push;

import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.bindMarker;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.deleteFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.insertInto;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.literal;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.selectFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.update;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.gms.storage.cassandra.Cql;

/**
 * CQL of the push outbox. A delivery row is written once, into the partition of the stream (engine incarnation) that
 * recorded it, with a retention TTL, and never deleted; progress is recorded in cells of the same row
 * ({@code attempts}, {@code done}). Ownership is per stream (a lease), not per row, so the path of a push costs one
 * write to record it and one to finish it, both batched per partition.
 */
public final class OutboxDao {

    private static final int REGISTRY = 0;
    private static final int INSERT_BATCH = 200;
    /** Bytes of one insert batch at most: a single-partition batch is one mutation, bounded by the commit log. */
    private static final long INSERT_BATCH_BYTES = 1024 * 1024;

    private final Cql cql;
    private final PreparedStatement insert;
    private final PreparedStatement recordAttempt;
    private final PreparedStatement finish;
    private final PreparedStatement selectPartition;
    private final PreparedStatement selectOne;
    private final PreparedStatement registerStream;
    private final PreparedStatement selectStreams;
    private final PreparedStatement deleteStream;

    public OutboxDao(Cql cql, String keyspace) {
        this.cql = cql;
        insert = cql.session().prepare(insertInto(keyspace, PushTables.OUTBOX)
                .value("stream", bindMarker("stream"))
                .value("bucket", bindMarker("bucket"))
                .value("delivery_id", bindMarker("delivery_id"))
                .value("subscription_id", bindMarker("subscription_id"))
                .value("provider_name", bindMarker("provider_name"))
                .value("type", bindMarker("type"))
                .value("device_id", bindMarker("device_id"))
                .value("properties", bindMarker("properties"))
                .value("auth_header", bindMarker("auth_header"))
                .value("gms_user", bindMarker("gms_user"))
                .value("tag", bindMarker("tag"))
                .value("message", bindMarker("message"))
                .value("subscription_expires_at", bindMarker("subscription_expires_at"))
                .value("created_at", bindMarker("created_at"))
                .value("attempts", bindMarker("attempts"))
                .value("not_before", bindMarker("not_before"))
                .usingTtl(bindMarker("ttl")).build());
        recordAttempt = cql.session().prepare(update(keyspace, PushTables.OUTBOX).usingTtl(bindMarker("ttl"))
                .setColumn("attempts", bindMarker("attempts"))
                .setColumn("not_before", bindMarker("not_before"))
                .whereColumn("stream").isEqualTo(bindMarker("stream"))
                .whereColumn("bucket").isEqualTo(bindMarker("bucket"))
                .whereColumn("delivery_id").isEqualTo(bindMarker("delivery_id")).build());
        finish = cql.session().prepare(update(keyspace, PushTables.OUTBOX).usingTtl(bindMarker("ttl"))
                .setColumn("done", literal(true))
                .setColumn("outcome", bindMarker("outcome"))
                .whereColumn("stream").isEqualTo(bindMarker("stream"))
                .whereColumn("bucket").isEqualTo(bindMarker("bucket"))
                .whereColumn("delivery_id").isEqualTo(bindMarker("delivery_id")).build());
        selectPartition = cql.session().prepare(selectFrom(keyspace, PushTables.OUTBOX).all()
                .whereColumn("stream").isEqualTo(bindMarker("stream"))
                .whereColumn("bucket").isEqualTo(bindMarker("bucket")).build());
        selectOne = cql.session().prepare(selectFrom(keyspace, PushTables.OUTBOX).column("outcome")
                .whereColumn("stream").isEqualTo(bindMarker("stream"))
                .whereColumn("bucket").isEqualTo(bindMarker("bucket"))
                .whereColumn("delivery_id").isEqualTo(bindMarker("delivery_id")).build());
        registerStream = cql.session().prepare(insertInto(keyspace, PushTables.STREAM)
                .value("registry", literal(REGISTRY))
                .value("stream", bindMarker("stream"))
                .value("first_bucket", bindMarker("first_bucket"))
                .value("started_at", bindMarker("started_at"))
                .usingTtl(bindMarker("ttl")).build());
        selectStreams = cql.session().prepare(selectFrom(keyspace, PushTables.STREAM).all()
                .whereColumn("registry").isEqualTo(literal(REGISTRY)).build());
        deleteStream = cql.session().prepare(deleteFrom(keyspace, PushTables.STREAM)
                .whereColumn("registry").isEqualTo(literal(REGISTRY))
                .whereColumn("stream").isEqualTo(bindMarker("stream")).build());
    }

    /**
     * Records deliveries; those of one partition are written in single-partition batches (atomic and isolated) of at
     * most 200 rows and 1 MB, so a publish is recorded whole or not at all when it fits one batch; a larger one is
     * acknowledged only when all of its batches are written.
     */
    public CompletionStage<Void> insert(List<OutboxDelivery> deliveries, int retentionSeconds) {
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (List<OutboxDelivery> partition : byPartition(deliveries).values()) {
            BatchStatementBuilder batch = BatchStatement.builder(BatchType.UNLOGGED);
            long bytes = 0;
            for (OutboxDelivery delivery : partition) {
                long size = estimatedBytes(delivery);
                if (batch.getStatementsCount() > 0
                        && (batch.getStatementsCount() >= INSERT_BATCH || bytes + size > INSERT_BATCH_BYTES)) {
                    writes.add(cql.executeAsync(batch.build()).toCompletableFuture());
                    batch = BatchStatement.builder(BatchType.UNLOGGED);
                    bytes = 0;
                }
                batch.addStatement(bindInsert(delivery, retentionSeconds));
                bytes += size;
            }
            writes.add(cql.executeAsync(batch.build()).toCompletableFuture());
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    /** An upper bound of the delivery's encoded size (UTF-8 takes at most 3 bytes per Java char). */
    private static long estimatedBytes(OutboxDelivery delivery) {
        long chars = (long) delivery.message().length() + delivery.deviceId().length()
                + delivery.authorization().length() + delivery.tag().length() + delivery.subscriptionId().length()
                + delivery.user().length() + delivery.providerName().length() + delivery.type().length();
        for (Map.Entry<String, String> property : delivery.properties().entrySet()) {
            chars += property.getKey().length() + property.getValue().length();
        }
        return 3 * chars + 128;
    }

    /** Remembers a failed attempt, so a node that adopts the stream continues the count and the backoff. */
    public CompletionStage<Void> recordAttempt(OutboxDelivery delivery, int attempts, Instant notBefore,
                                               int retentionSeconds) {
        return cql.executeAsync(key(recordAttempt, delivery).setInt("attempts", attempts)
                        .setInstant("not_before", notBefore).setInt("ttl", retentionSeconds))
                .thenApply(result -> null);
    }

    /** Marks the delivery finished; it is never read as pending again. */
    public CompletionStage<Void> finish(OutboxDelivery delivery, String outcome, int retentionSeconds) {
        return finishAll(List.of(delivery), List.of(outcome), retentionSeconds);
    }

    /** Marks several deliveries finished (outcomes by delivery, same order) in one batch per partition. */
    public CompletionStage<Void> finishAll(List<OutboxDelivery> deliveries, List<String> outcomes,
                                           int retentionSeconds) {
        Map<String, BatchStatementBuilder> batches = new LinkedHashMap<>();
        for (int index = 0; index < deliveries.size(); index++) {
            OutboxDelivery delivery = deliveries.get(index);
            batches.computeIfAbsent(partition(delivery), key -> BatchStatement.builder(BatchType.UNLOGGED))
                    .addStatement(key(finish, delivery).setString("outcome", outcomes.get(index))
                            .setInt("ttl", retentionSeconds));
        }
        CompletableFuture<?>[] writes = batches.values().stream()
                .map(batch -> cql.executeAsync(batch.build()).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(writes);
    }

    /** Unfinished deliveries of one partition. */
    public CompletionStage<List<OutboxDelivery>> pending(String stream, long bucket) {
        return cql.executeAsync(selectPartition.bind().setString("stream", stream).setLong("bucket", bucket))
                .thenCompose(page -> collect(page, new ArrayList<>()));
    }

    /** The outcome recorded for a delivery ({@code null} while unfinished): for checks and tools. */
    public String outcome(String stream, long bucket, UUID deliveryId) {
        Row row = cql.execute(selectOne.bind().setString("stream", stream).setLong("bucket", bucket)
                .setUuid("delivery_id", deliveryId)).one();
        return row == null ? null : row.getString("outcome");
    }

    /** Lists a stream (again, to keep it listed for {@code ttlSeconds} more). */
    public void register(OutboxStream stream, int ttlSeconds) {
        cql.execute(registerStream.bind().setString("stream", stream.stream())
                .setLong("first_bucket", stream.firstBucket()).setInstant("started_at", stream.startedAt())
                .setInt("ttl", ttlSeconds));
    }

    /** Every listed stream, live or left behind by a stopped engine. */
    public List<OutboxStream> streams() {
        List<OutboxStream> streams = new ArrayList<>();
        for (Row row : cql.execute(selectStreams.bind())) {
            streams.add(new OutboxStream(row.getString("stream"), row.getLong("first_bucket"),
                    row.getInstant("started_at")));
        }
        return streams;
    }

    /** Unlists a stream whose deliveries are all finished. */
    public void unregister(String stream) {
        cql.execute(deleteStream.bind().setString("stream", stream));
    }

    private BoundStatement bindInsert(OutboxDelivery delivery, int retentionSeconds) {
        return insert.bind()
                .setString("stream", delivery.stream())
                .setLong("bucket", delivery.bucket())
                .setUuid("delivery_id", delivery.deliveryId())
                .setString("subscription_id", delivery.subscriptionId())
                .setString("provider_name", delivery.providerName())
                .setString("type", delivery.type())
                .setString("device_id", delivery.deviceId())
                .setMap("properties", delivery.properties(), String.class, String.class)
                .setString("auth_header", delivery.authorization())
                .setString("gms_user", delivery.user())
                .setString("tag", delivery.tag())
                .setString("message", delivery.message())
                .setInstant("subscription_expires_at", delivery.subscriptionExpiresAt())
                .setInstant("created_at", delivery.createdAt())
                .setInt("attempts", delivery.attempts())
                .setInstant("not_before", delivery.notBefore())
                .setInt("ttl", retentionSeconds);
    }

    private static Map<String, List<OutboxDelivery>> byPartition(List<OutboxDelivery> deliveries) {
        Map<String, List<OutboxDelivery>> partitions = new LinkedHashMap<>();
        for (OutboxDelivery delivery : deliveries) {
            partitions.computeIfAbsent(partition(delivery), key -> new ArrayList<>()).add(delivery);
        }
        return partitions;
    }

    private static String partition(OutboxDelivery delivery) {
        return delivery.stream() + '/' + delivery.bucket();
    }

    private static CompletionStage<List<OutboxDelivery>> collect(AsyncResultSet page, List<OutboxDelivery> into) {
        for (Row row : page.currentPage()) {
            if (!row.getBoolean("done") && row.getString("type") != null) {
                into.add(toDelivery(row));
            }
        }
        if (page.hasMorePages()) {
            return page.fetchNextPage().thenCompose(next -> collect(next, into));
        }
        return CompletableFuture.completedFuture(into);
    }

    private static BoundStatement key(PreparedStatement statement, OutboxDelivery delivery) {
        return statement.bind()
                .setString("stream", delivery.stream())
                .setLong("bucket", delivery.bucket())
                .setUuid("delivery_id", delivery.deliveryId());
    }

    private static OutboxDelivery toDelivery(Row row) {
        Instant notBefore = row.getInstant("not_before");
        return new OutboxDelivery(row.getString("stream"), row.getLong("bucket"), row.getUuid("delivery_id"),
                text(row, "subscription_id"), text(row, "provider_name"), text(row, "type"), text(row, "device_id"),
                row.getMap("properties", String.class, String.class), text(row, "auth_header"),
                text(row, "gms_user"), text(row, "tag"), text(row, "message"),
                row.getInstant("subscription_expires_at"), row.getInstant("created_at"), row.getInt("attempts"),
                notBefore == null ? Instant.EPOCH : notBefore, row.getBoolean("done"));
    }

    private static String text(Row row, String column) {
        String value = row.getString(column);
        return value == null ? "" : value;
    }
}
