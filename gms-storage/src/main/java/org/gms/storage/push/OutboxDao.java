package org.gms.storage.push;

import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.bindMarker;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.gms.storage.cassandra.Cql;

/**
 * CQL of the push outbox. Rows are written once with a retention TTL and never deleted; progress is recorded in
 * cells of the same row ({@code attempts}, {@code done}); the lease is the {@code owner} cell with a short TTL, taken
 * over with an LWT only when it has lapsed.
 */
public final class OutboxDao {

    private final Cql cql;
    private final PreparedStatement insert;
    private final PreparedStatement setOwner;
    private final PreparedStatement claim;
    private final PreparedStatement recordAttempt;
    private final PreparedStatement finish;
    private final PreparedStatement selectPartition;
    private final PreparedStatement selectOne;

    public OutboxDao(Cql cql, String keyspace) {
        this.cql = cql;
        insert = cql.session().prepare(insertInto(keyspace, PushTables.OUTBOX)
                .value("bucket", bindMarker("bucket"))
                .value("shard", bindMarker("shard"))
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
        setOwner = cql.session().prepare(update(keyspace, PushTables.OUTBOX).usingTtl(bindMarker("ttl"))
                .setColumn("owner", bindMarker("owner"))
                .whereColumn("bucket").isEqualTo(bindMarker("bucket"))
                .whereColumn("shard").isEqualTo(bindMarker("shard"))
                .whereColumn("delivery_id").isEqualTo(bindMarker("delivery_id")).build());
        claim = cql.session().prepare(update(keyspace, PushTables.OUTBOX).usingTtl(bindMarker("ttl"))
                .setColumn("owner", bindMarker("owner"))
                .whereColumn("bucket").isEqualTo(bindMarker("bucket"))
                .whereColumn("shard").isEqualTo(bindMarker("shard"))
                .whereColumn("delivery_id").isEqualTo(bindMarker("delivery_id"))
                .ifColumn("owner").isEqualTo(literal(null))
                .ifColumn("done").isEqualTo(literal(null)).build());
        recordAttempt = cql.session().prepare(update(keyspace, PushTables.OUTBOX).usingTtl(bindMarker("ttl"))
                .setColumn("attempts", bindMarker("attempts"))
                .setColumn("not_before", bindMarker("not_before"))
                .whereColumn("bucket").isEqualTo(bindMarker("bucket"))
                .whereColumn("shard").isEqualTo(bindMarker("shard"))
                .whereColumn("delivery_id").isEqualTo(bindMarker("delivery_id")).build());
        finish = cql.session().prepare(update(keyspace, PushTables.OUTBOX).usingTtl(bindMarker("ttl"))
                .setColumn("done", literal(true))
                .setColumn("outcome", bindMarker("outcome"))
                .whereColumn("bucket").isEqualTo(bindMarker("bucket"))
                .whereColumn("shard").isEqualTo(bindMarker("shard"))
                .whereColumn("delivery_id").isEqualTo(bindMarker("delivery_id")).build());
        selectPartition = cql.session().prepare(selectFrom(keyspace, PushTables.OUTBOX).all()
                .whereColumn("bucket").isEqualTo(bindMarker("bucket"))
                .whereColumn("shard").isEqualTo(bindMarker("shard")).build());
        selectOne = cql.session().prepare(selectFrom(keyspace, PushTables.OUTBOX).column("outcome")
                .whereColumn("bucket").isEqualTo(bindMarker("bucket"))
                .whereColumn("shard").isEqualTo(bindMarker("shard"))
                .whereColumn("delivery_id").isEqualTo(bindMarker("delivery_id")).build());
    }

    /**
     * Records deliveries of one partition atomically (a single-partition batch), already leased to {@code owner} so
     * the publishing node can send them at once without an LWT: no other node can see them unleased.
     */
    public CompletionStage<Void> insert(List<OutboxDelivery> deliveries, String owner, int retentionSeconds,
                                        int leaseSeconds) {
        if (deliveries.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        long partitions = deliveries.stream().map(d -> d.bucket() + "/" + d.shard()).distinct().count();
        BatchStatementBuilder batch = BatchStatement.builder(partitions == 1 ? BatchType.UNLOGGED : BatchType.LOGGED);
        for (OutboxDelivery delivery : deliveries) {
            batch.addStatement(insert.bind()
                    .setLong("bucket", delivery.bucket())
                    .setInt("shard", delivery.shard())
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
                    .setInt("ttl", retentionSeconds));
            if (owner != null) {
                batch.addStatement(key(setOwner, delivery).setString("owner", owner).setInt("ttl", leaseSeconds));
            }
        }
        return cql.executeAsync(batch.build()).thenApply(result -> null);
    }

    /** Takes over an unleased, unfinished delivery; {@code true} when this node now holds it. */
    public CompletionStage<Boolean> claim(OutboxDelivery delivery, String owner, int leaseSeconds) {
        return cql.executeAsync(key(claim, delivery).setString("owner", owner).setInt("ttl", leaseSeconds))
                .thenApply(AsyncResultSet::wasApplied);
    }

    /** Keeps the lease of a delivery this node holds for {@code leaseSeconds} more (e.g. across a retry backoff). */
    public CompletionStage<Void> extendLease(OutboxDelivery delivery, String owner, int leaseSeconds) {
        return cql.executeAsync(key(setOwner, delivery).setString("owner", owner).setInt("ttl", leaseSeconds))
                .thenApply(result -> null);
    }

    /** Remembers a failed attempt, so a node that takes over continues the count and the backoff. */
    public CompletionStage<Void> recordAttempt(OutboxDelivery delivery, int attempts, Instant notBefore,
                                               int retentionSeconds) {
        return cql.executeAsync(key(recordAttempt, delivery).setInt("attempts", attempts)
                        .setInstant("not_before", notBefore).setInt("ttl", retentionSeconds))
                .thenApply(result -> null);
    }

    /** Marks the delivery finished; scans skip it from then on. */
    public CompletionStage<Void> finish(OutboxDelivery delivery, String outcome, int retentionSeconds) {
        return cql.executeAsync(key(finish, delivery).setString("outcome", outcome).setInt("ttl", retentionSeconds))
                .thenApply(result -> null);
    }

    /**
     * Marks several deliveries finished in one batch per partition (outcomes by delivery, same order); cheaper than
     * one write each under load.
     */
    public CompletionStage<Void> finishAll(List<OutboxDelivery> deliveries, List<String> outcomes,
                                           int retentionSeconds) {
        java.util.Map<String, BatchStatementBuilder> batches = new java.util.LinkedHashMap<>();
        for (int index = 0; index < deliveries.size(); index++) {
            OutboxDelivery delivery = deliveries.get(index);
            batches.computeIfAbsent(delivery.bucket() + "/" + delivery.shard(),
                            key -> BatchStatement.builder(BatchType.UNLOGGED))
                    .addStatement(key(finish, delivery).setString("outcome", outcomes.get(index))
                            .setInt("ttl", retentionSeconds));
        }
        CompletableFuture<?>[] writes = batches.values().stream()
                .map(batch -> cql.executeAsync(batch.build()).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(writes);
    }

    /** Unfinished deliveries of one partition, leased or not. */
    public CompletionStage<List<OutboxDelivery>> pending(long bucket, int shard) {
        return cql.executeAsync(selectPartition.bind().setLong("bucket", bucket).setInt("shard", shard))
                .thenCompose(page -> collect(page, new ArrayList<>()));
    }

    /** The outcome recorded for a delivery ({@code null} while unfinished): for checks and tools. */
    public String outcome(long bucket, int shard, java.util.UUID deliveryId) {
        Row row = cql.execute(selectOne.bind().setLong("bucket", bucket).setInt("shard", shard)
                .setUuid("delivery_id", deliveryId)).one();
        return row == null ? null : row.getString("outcome");
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
                .setLong("bucket", delivery.bucket())
                .setInt("shard", delivery.shard())
                .setUuid("delivery_id", delivery.deliveryId());
    }

    private static OutboxDelivery toDelivery(Row row) {
        Instant notBefore = row.getInstant("not_before");
        return new OutboxDelivery(row.getLong("bucket"), row.getInt("shard"), row.getUuid("delivery_id"),
                text(row, "subscription_id"), text(row, "provider_name"), text(row, "type"), text(row, "device_id"),
                row.getMap("properties", String.class, String.class), text(row, "auth_header"),
                text(row, "gms_user"), text(row, "tag"), text(row, "message"),
                row.getInstant("subscription_expires_at"), row.getInstant("created_at"), row.getInt("attempts"),
                notBefore == null ? Instant.EPOCH : notBefore, row.getString("owner"), row.getBoolean("done"));
    }

    private static String text(Row row, String column) {
        String value = row.getString(column);
        return value == null ? "" : value;
    }
}
