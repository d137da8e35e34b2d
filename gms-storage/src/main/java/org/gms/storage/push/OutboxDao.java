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
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.gms.storage.cassandra.Cql;

/**
 * CQL of the push outbox. A publish is written as one row per part (up to 200 targets sharing tag and message), into
 * the partition of the stream (engine incarnation) that recorded it, with a retention TTL, and never deleted; each
 * target's retries are map cells of that row keyed by delivery id ({@code attempts}, {@code not_before}), and the
 * outcomes of one flush are one {@code finished} cell per row (slot and outcome code of each target). Ownership is per
 * stream (a lease), not per row, so recording a publish costs one row write per part, and finishing its pushes one
 * cell per part and flush.
 */
public final class OutboxDao {

    private static final int REGISTRY = 0;
    private static final int PART_TARGETS = 200;
    /** Bytes of one write at most: a single-partition batch is one mutation, bounded by the commit log. */
    private static final long BATCH_BYTES = 1024 * 1024;

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
                .value("part", bindMarker("part"))
                .value("tag", bindMarker("tag"))
                .value("message", bindMarker("message"))
                .value("created_at", bindMarker("created_at"))
                .value("targets", bindMarker("targets"))
                .usingTtl(bindMarker("ttl")).build());
        recordAttempt = cql.session().prepare(update(keyspace, PushTables.OUTBOX).usingTtl(bindMarker("ttl"))
                .setMapValue("attempts", bindMarker("delivery_id"), bindMarker("attempts"))
                .setMapValue("not_before", bindMarker("delivery_id"), bindMarker("not_before"))
                .whereColumn("stream").isEqualTo(bindMarker("stream"))
                .whereColumn("bucket").isEqualTo(bindMarker("bucket"))
                .whereColumn("part").isEqualTo(bindMarker("part")).build());
        finish = cql.session().prepare(update(keyspace, PushTables.OUTBOX).usingTtl(bindMarker("ttl"))
                .append("finished", bindMarker("finished"))
                .whereColumn("stream").isEqualTo(bindMarker("stream"))
                .whereColumn("bucket").isEqualTo(bindMarker("bucket"))
                .whereColumn("part").isEqualTo(bindMarker("part")).build());
        selectPartition = cql.session().prepare(selectFrom(keyspace, PushTables.OUTBOX).all()
                .whereColumn("stream").isEqualTo(bindMarker("stream"))
                .whereColumn("bucket").isEqualTo(bindMarker("bucket")).build());
        selectOne = cql.session().prepare(selectFrom(keyspace, PushTables.OUTBOX).column("finished")
                .whereColumn("stream").isEqualTo(bindMarker("stream"))
                .whereColumn("bucket").isEqualTo(bindMarker("bucket"))
                .whereColumn("part").isEqualTo(bindMarker("part")).build());
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
     * Records deliveries in one partition, as rows of at most 200 targets sharing tag and message, written in
     * single-partition batches of at most 1 MB. Each row is written whole or not at all; the returned deliveries (now
     * knowing their row) complete once every row is written.
     */
    public CompletionStage<List<OutboxDelivery>> insert(String stream, long bucket, List<OutboxDelivery> deliveries,
                                                        int retentionSeconds) {
        List<OutboxDelivery> placed = new ArrayList<>(deliveries.size());
        List<CompletableFuture<?>> writes = new ArrayList<>();
        BatchStatementBuilder batch = BatchStatement.builder(BatchType.UNLOGGED);
        long batchBytes = 0;
        for (List<OutboxDelivery> part : parts(deliveries)) {
            UUID partId = Uuids.random();
            List<TupleValue> targets = new ArrayList<>(part.size());
            long bytes = 0;
            for (OutboxDelivery delivery : part) {
                placed.add(delivery.in(stream, bucket, partId, targets.size()));
                targets.add(target(delivery));
                bytes += estimatedBytes(delivery);
            }
            if (batch.getStatementsCount() > 0 && batchBytes + bytes > BATCH_BYTES) {
                writes.add(cql.executeAsync(batch.build()).toCompletableFuture());
                batch = BatchStatement.builder(BatchType.UNLOGGED);
                batchBytes = 0;
            }
            OutboxDelivery first = part.get(0);
            batch.addStatement(insert.bind()
                    .setString("stream", stream)
                    .setLong("bucket", bucket)
                    .setUuid("part", partId)
                    .setString("tag", first.tag())
                    .setString("message", first.message())
                    .setInstant("created_at", first.createdAt())
                    .setList("targets", targets, TupleValue.class)
                    .setInt("ttl", retentionSeconds));
            batchBytes += bytes;
        }
        if (batch.getStatementsCount() > 0) {
            writes.add(cql.executeAsync(batch.build()).toCompletableFuture());
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).thenApply(done -> placed);
    }

    /** Remembers a failed attempt, so a node that adopts the stream continues the count and the backoff. */
    public CompletionStage<Void> recordAttempt(OutboxDelivery delivery, int attempts, Instant notBefore,
                                               int retentionSeconds) {
        return cql.executeAsync(key(recordAttempt, delivery).setUuid("delivery_id", delivery.deliveryId())
                        .setInt("attempts", attempts).setInstant("not_before", notBefore)
                        .setInt("ttl", retentionSeconds))
                .thenApply(result -> null);
    }

    /**
     * Marks several deliveries finished (outcomes by delivery, same order): one cell per row, in one batch per
     * partition.
     */
    public CompletionStage<Void> finishAll(List<OutboxDelivery> deliveries, List<String> outcomes,
                                           int retentionSeconds) {
        Map<String, List<Integer>> byRow = new LinkedHashMap<>();
        Map<String, OutboxDelivery> rows = new LinkedHashMap<>();
        for (int index = 0; index < deliveries.size(); index++) {
            OutboxDelivery delivery = deliveries.get(index);
            String row = partition(delivery) + '/' + delivery.part();
            rows.putIfAbsent(row, delivery);
            byRow.computeIfAbsent(row, key -> new ArrayList<>()).add(index);
        }
        Map<String, BatchStatementBuilder> batches = new LinkedHashMap<>();
        byRow.forEach((row, indexes) -> {
            ByteBuffer entries = ByteBuffer.allocate(Outcomes.ENTRY_BYTES * indexes.size());
            indexes.forEach(index -> Outcomes.put(entries, deliveries.get(index).slot(), outcomes.get(index)));
            entries.flip();
            OutboxDelivery delivery = rows.get(row);
            batches.computeIfAbsent(partition(delivery), key -> BatchStatement.builder(BatchType.UNLOGGED))
                    .addStatement(key(finish, delivery)
                            .setMap("finished", Map.of(Uuids.timeBased(), entries), UUID.class, ByteBuffer.class)
                            .setInt("ttl", retentionSeconds));
        });
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
    public String outcome(OutboxDelivery delivery) {
        Row row = cql.execute(key(selectOne, delivery)).one();
        return row == null ? null
                : Outcomes.read(row.getMap("finished", UUID.class, ByteBuffer.class).values()).get(delivery.slot());
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

    private static TupleValue target(OutboxDelivery delivery) {
        return PushTables.TARGET.newValue(delivery.deliveryId(), delivery.subscriptionId(), delivery.providerName(),
                delivery.type(), delivery.deviceId(), delivery.properties(), delivery.authorization(), delivery.user(),
                delivery.subscriptionExpiresAt());
    }

    /** Rows of at most 200 targets and 1 MB, each sharing tag, message and time. */
    private static List<List<OutboxDelivery>> parts(List<OutboxDelivery> deliveries) {
        Map<List<Object>, List<List<OutboxDelivery>>> byContent = new LinkedHashMap<>();
        Map<List<Object>, Long> openPartBytes = new HashMap<>();
        for (OutboxDelivery delivery : deliveries) {
            List<Object> content = List.of(delivery.tag(), delivery.message(), delivery.createdAt());
            List<List<OutboxDelivery>> parts = byContent.computeIfAbsent(content, key -> new ArrayList<>());
            long size = estimatedBytes(delivery);
            List<OutboxDelivery> open = parts.isEmpty() ? null : parts.get(parts.size() - 1);
            if (open == null || open.size() >= PART_TARGETS || openPartBytes.get(content) + size > BATCH_BYTES) {
                open = new ArrayList<>();
                parts.add(open);
                openPartBytes.put(content, 0L);
            }
            open.add(delivery);
            openPartBytes.merge(content, size, Long::sum);
        }
        return byContent.values().stream().flatMap(List::stream).toList();
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

    private static String partition(OutboxDelivery delivery) {
        return delivery.stream() + '/' + delivery.bucket();
    }

    private static CompletionStage<List<OutboxDelivery>> collect(AsyncResultSet page, List<OutboxDelivery> into) {
        for (Row row : page.currentPage()) {
            Map<Integer, String> finished = Outcomes.read(row.getMap("finished", UUID.class, ByteBuffer.class).values());
            Map<UUID, Integer> attempts = row.getMap("attempts", UUID.class, Integer.class);
            Map<UUID, Instant> notBefore = row.getMap("not_before", UUID.class, Instant.class);
            List<TupleValue> targets = row.getList("targets", TupleValue.class);
            for (int slot = 0; slot < targets.size(); slot++) {
                UUID deliveryId = targets.get(slot).getUuid(0);
                if (!finished.containsKey(slot)) {
                    into.add(toDelivery(row, slot, targets.get(slot), attempts.getOrDefault(deliveryId, 0),
                            notBefore.getOrDefault(deliveryId, row.getInstant("created_at"))));
                }
            }
        }
        if (page.hasMorePages()) {
            return page.fetchNextPage().thenCompose(next -> collect(next, into));
        }
        return CompletableFuture.completedFuture(into);
    }

    private static OutboxDelivery toDelivery(Row row, int slot, TupleValue target, int attempts, Instant notBefore) {
        return new OutboxDelivery(row.getString("stream"), row.getLong("bucket"), row.getUuid("part"), slot,
                target.getUuid(0), text(target.getString(1)), text(target.getString(2)), text(target.getString(3)),
                text(target.getString(4)), target.getMap(5, String.class, String.class), text(target.getString(6)),
                text(target.getString(7)), text(row.getString("tag")), text(row.getString("message")),
                target.getInstant(8), row.getInstant("created_at"), attempts, notBefore);
    }

    private static BoundStatement key(PreparedStatement statement, OutboxDelivery delivery) {
        return statement.bind()
                .setString("stream", delivery.stream())
                .setLong("bucket", delivery.bucket())
                .setUuid("part", delivery.part());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
