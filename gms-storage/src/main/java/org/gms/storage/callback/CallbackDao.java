package org.gms.storage.callback;

import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.bindMarker;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.deleteFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.insertInto;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.selectFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.update;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.gms.storage.cassandra.Cql;

/** CQL of the callback tables ({@link CallbackTables}). */
final class CallbackDao {

    private final Cql cql;
    private final PreparedStatement insert;
    private final PreparedStatement replace;
    private final PreparedStatement select;
    private final PreparedStatement insertKey;
    private final PreparedStatement deleteKey;
    private final PreparedStatement selectKey;
    private final PreparedStatement insertTime;
    private final PreparedStatement deleteTime;
    private final PreparedStatement selectTime;
    private final PreparedStatement insertActive;
    private final PreparedStatement deleteActive;
    private final PreparedStatement selectActive;
    private final PreparedStatement claimSeat;
    private final PreparedStatement releaseSeat;
    private final PreparedStatement selectSeats;
    private final PreparedStatement insertCounter;
    private final PreparedStatement replaceCounter;
    private final PreparedStatement selectCounter;

    CallbackDao(Cql cql, String keyspace) {
        this.cql = cql;
        var session = cql.session();
        this.insert = session.prepare(recordColumns(insertInto(keyspace, CallbackTables.CALLBACK)
                .value("id", bindMarker("id")))
                .usingTtl(bindMarker("ttl")).build());
        this.replace = session.prepare(update(keyspace, CallbackTables.CALLBACK).usingTtl(bindMarker("ttl"))
                .setColumn("service", bindMarker("service"))
                .setColumn("state", bindMarker("state"))
                .setColumn("reason", bindMarker("reason"))
                .setColumn("desired_time", bindMarker("desired_time"))
                .setColumn("queue", bindMarker("queue"))
                .setColumn("agent", bindMarker("agent"))
                .setColumn("attempts", bindMarker("attempts"))
                .setColumn("slot_start", bindMarker("slot_start"))
                .setColumn("seat", bindMarker("seat"))
                .setColumn("data", bindMarker("data"))
                .setColumn("created_at", bindMarker("created_at"))
                .setColumn("updated_at", bindMarker("updated_at"))
                .setColumn("expires_at", bindMarker("expires_at"))
                .setColumn("version", bindMarker("version"))
                .whereColumn("id").isEqualTo(bindMarker("id"))
                .ifColumn("version").isEqualTo(bindMarker("expected")).build());
        this.select = session.prepare(selectFrom(keyspace, CallbackTables.CALLBACK).all()
                .whereColumn("id").isEqualTo(bindMarker("id")).build());
        this.insertKey = session.prepare(insertInto(keyspace, CallbackTables.BY_KEY)
                .value("name", bindMarker("name")).value("value", bindMarker("value"))
                .value("id", bindMarker("id")).value("service", bindMarker("service"))
                .usingTtl(bindMarker("ttl")).build());
        this.deleteKey = session.prepare(deleteFrom(keyspace, CallbackTables.BY_KEY)
                .whereColumn("name").isEqualTo(bindMarker("name")).whereColumn("value").isEqualTo(bindMarker("value"))
                .whereColumn("id").isEqualTo(bindMarker("id")).build());
        this.selectKey = session.prepare(selectFrom(keyspace, CallbackTables.BY_KEY).columns("id", "service")
                .whereColumn("name").isEqualTo(bindMarker("name")).whereColumn("value").isEqualTo(bindMarker("value"))
                .limit(bindMarker("max_rows")).build());
        this.insertTime = session.prepare(insertInto(keyspace, CallbackTables.BY_TIME)
                .value("service", bindMarker("service")).value("day", bindMarker("day"))
                .value("desired_time", bindMarker("desired_time")).value("id", bindMarker("id"))
                .usingTtl(bindMarker("ttl")).build());
        this.deleteTime = session.prepare(deleteFrom(keyspace, CallbackTables.BY_TIME)
                .whereColumn("service").isEqualTo(bindMarker("service")).whereColumn("day").isEqualTo(bindMarker("day"))
                .whereColumn("desired_time").isEqualTo(bindMarker("desired_time"))
                .whereColumn("id").isEqualTo(bindMarker("id")).build());
        this.selectTime = session.prepare(selectFrom(keyspace, CallbackTables.BY_TIME).columns("desired_time", "id")
                .whereColumn("service").isEqualTo(bindMarker("service")).whereColumn("day").isEqualTo(bindMarker("day"))
                .whereColumn("desired_time").isGreaterThanOrEqualTo(bindMarker("from_time"))
                .whereColumn("desired_time").isLessThan(bindMarker("to_time"))
                .limit(bindMarker("max_rows")).build());
        this.insertActive = session.prepare(insertInto(keyspace, CallbackTables.ACTIVE)
                .value("service", bindMarker("service")).value("id", bindMarker("id"))
                .value("queue", bindMarker("queue")).value("desired_time", bindMarker("desired_time"))
                .value("state", bindMarker("state")).usingTtl(bindMarker("ttl")).build());
        this.deleteActive = session.prepare(deleteFrom(keyspace, CallbackTables.ACTIVE)
                .whereColumn("service").isEqualTo(bindMarker("service"))
                .whereColumn("id").isEqualTo(bindMarker("id")).build());
        this.selectActive = session.prepare(selectFrom(keyspace, CallbackTables.ACTIVE).all()
                .whereColumn("service").isEqualTo(bindMarker("service")).limit(bindMarker("max_rows")).build());
        this.claimSeat = session.prepare(insertInto(keyspace, CallbackTables.SEAT)
                .value("service", bindMarker("service")).value("slot_start", bindMarker("slot_start"))
                .value("seat", bindMarker("seat")).value("holder", bindMarker("holder"))
                .ifNotExists().usingTtl(bindMarker("ttl")).build());
        this.releaseSeat = session.prepare(deleteFrom(keyspace, CallbackTables.SEAT)
                .whereColumn("service").isEqualTo(bindMarker("service"))
                .whereColumn("slot_start").isEqualTo(bindMarker("slot_start"))
                .whereColumn("seat").isEqualTo(bindMarker("seat"))
                .ifColumn("holder").isEqualTo(bindMarker("holder")).build());
        this.selectSeats = session.prepare(selectFrom(keyspace, CallbackTables.SEAT).columns("slot_start", "seat",
                        "holder")
                .whereColumn("service").isEqualTo(bindMarker("service"))
                .whereColumn("slot_start").in(bindMarker("slots")).build());
        this.insertCounter = session.prepare(insertInto(keyspace, CallbackTables.COUNTER)
                .value("name", bindMarker("name")).value("state", bindMarker("state"))
                .ifNotExists().usingTtl(bindMarker("ttl")).build());
        this.replaceCounter = session.prepare(update(keyspace, CallbackTables.COUNTER).usingTtl(bindMarker("ttl"))
                .setColumn("state", bindMarker("state"))
                .whereColumn("name").isEqualTo(bindMarker("name"))
                .ifColumn("state").isEqualTo(bindMarker("expected")).build());
        this.selectCounter = session.prepare(selectFrom(keyspace, CallbackTables.COUNTER).column("state")
                .whereColumn("name").isEqualTo(bindMarker("name")).build());
    }

    private static com.datastax.oss.driver.api.querybuilder.insert.RegularInsert recordColumns(
            com.datastax.oss.driver.api.querybuilder.insert.RegularInsert insert) {
        return insert.value("service", bindMarker("service"))
                .value("state", bindMarker("state"))
                .value("reason", bindMarker("reason"))
                .value("desired_time", bindMarker("desired_time"))
                .value("queue", bindMarker("queue"))
                .value("agent", bindMarker("agent"))
                .value("attempts", bindMarker("attempts"))
                .value("slot_start", bindMarker("slot_start"))
                .value("seat", bindMarker("seat"))
                .value("data", bindMarker("data"))
                .value("created_at", bindMarker("created_at"))
                .value("updated_at", bindMarker("updated_at"))
                .value("expires_at", bindMarker("expires_at"))
                .value("version", bindMarker("version"));
    }

    BoundStatement insert(StoredCallback callback, int ttl) {
        return bindRecord(insert.boundStatementBuilder(), callback).setInt("ttl", ttl).build();
    }

    BoundStatement insertKey(String name, String value, String id, String service, int ttl) {
        return insertKey.bind().setString("name", name).setString("value", value).setString("id", id)
                .setString("service", service).setInt("ttl", ttl);
    }

    BoundStatement deleteKey(String name, String value, String id) {
        return deleteKey.bind().setString("name", name).setString("value", value).setString("id", id);
    }

    BoundStatement insertTime(String service, Instant desired, String id, int ttl) {
        return insertTime.bind().setString("service", service).setLong("day", day(desired))
                .setInstant("desired_time", desired).setString("id", id).setInt("ttl", ttl);
    }

    BoundStatement deleteTime(String service, Instant desired, String id) {
        return deleteTime.bind().setString("service", service).setLong("day", day(desired))
                .setInstant("desired_time", desired).setString("id", id);
    }

    BoundStatement insertActive(StoredCallback callback, int ttl) {
        return insertActive.bind().setString("service", callback.service()).setString("id", callback.id())
                .setString("queue", callback.queue()).setInstant("desired_time", callback.desiredTime())
                .setString("state", callback.state()).setInt("ttl", ttl);
    }

    BoundStatement deleteActive(String service, String id) {
        return deleteActive.bind().setString("service", service).setString("id", id);
    }

    CompletionStage<AsyncResultSet> executeAsync(BoundStatement statement) {
        return cql.executeAsync(statement);
    }

    void executeLogged(List<BoundStatement> statements) {
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED);
        statements.forEach(batch::addStatement);
        cql.execute(batch.build());
    }

    boolean replace(StoredCallback callback, int expectedVersion, int ttl) {
        return cql.execute(bindRecord(replace.boundStatementBuilder(), callback).setInt("ttl", ttl)
                .setInt("expected", expectedVersion).build()).wasApplied();
    }

    CompletionStage<Optional<StoredCallback>> find(String id) {
        return cql.executeAsync(select.bind().setString("id", id))
                .thenApply(result -> Optional.ofNullable(result.one()).map(CallbackDao::toCallback));
    }

    /** Ids (and services) of the callbacks whose lookup key {@code name} had {@code value}. */
    Map<String, String> idsByKey(String name, String value, int limit) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Row row : cql.execute(selectKey.bind().setString("name", name).setString("value", value)
                .setInt("max_rows", limit))) {
            ids.put(row.getString("id"), row.getString("service"));
        }
        return ids;
    }

    /** Ids of one UTC day's callbacks with a desired time in {@code [from, to)}, in desired-time order. */
    List<String> idsByTime(String service, long day, Instant from, Instant to, int limit) {
        List<String> ids = new ArrayList<>();
        for (Row row : cql.execute(selectTime.bind().setString("service", service).setLong("day", day)
                .setInstant("from_time", from).setInstant("to_time", to).setInt("max_rows", limit))) {
            ids.add(row.getString("id"));
        }
        return ids;
    }

    List<ActiveCallback> active(String service, int limit) {
        List<ActiveCallback> rows = new ArrayList<>();
        for (Row row : cql.execute(selectActive.bind().setString("service", service).setInt("max_rows", limit))) {
            rows.add(new ActiveCallback(service, row.getString("id"), row.getString("queue"),
                    row.getInstant("desired_time"), row.getString("state")));
        }
        return rows;
    }

    boolean claimSeat(String service, Instant slot, int seat, String holder, int ttl) {
        return cql.execute(claimSeat.bind().setString("service", service).setInstant("slot_start", slot)
                .setInt("seat", seat).setString("holder", holder).setInt("ttl", ttl)).wasApplied();
    }

    boolean releaseSeat(String service, Instant slot, int seat, String holder) {
        return cql.execute(releaseSeat.bind().setString("service", service).setInstant("slot_start", slot)
                .setInt("seat", seat).setString("holder", holder)).wasApplied();
    }

    /** The places taken in each of the given slots: slot start to seat to holder. */
    Map<Instant, Map<Integer, String>> seats(String service, List<Instant> slots) {
        Map<Instant, Map<Integer, String>> seats = new LinkedHashMap<>();
        for (Row row : cql.execute(selectSeats.bind().setString("service", service)
                .setList("slots", slots, Instant.class))) {
            seats.computeIfAbsent(row.getInstant("slot_start"), slot -> new LinkedHashMap<>())
                    .put(row.getInt("seat"), row.getString("holder"));
        }
        return seats;
    }

    Optional<String> counter(String name) {
        return Optional.ofNullable(cql.execute(selectCounter.bind().setString("name", name)).one())
                .map(row -> row.getString("state"));
    }

    boolean createCounter(String name, String state, int ttl) {
        return cql.execute(insertCounter.bind().setString("name", name).setString("state", state)
                .setInt("ttl", ttl)).wasApplied();
    }

    boolean replaceCounter(String name, String expected, String state, int ttl) {
        return cql.execute(replaceCounter.bind().setString("name", name).setString("expected", expected)
                .setString("state", state).setInt("ttl", ttl)).wasApplied();
    }

    static long day(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 86_400L);
    }

    private static BoundStatementBuilder bindRecord(BoundStatementBuilder builder, StoredCallback callback) {
        return builder.setString("id", callback.id())
                .setString("service", callback.service())
                .setString("state", callback.state())
                .setString("reason", callback.reason())
                .setInstant("desired_time", callback.desiredTime())
                .setString("queue", callback.queue())
                .setString("agent", callback.agent())
                .setInt("attempts", callback.attempts())
                .setInstant("slot_start", callback.slotStart())
                .setInt("seat", callback.seat())
                .setMap("data", callback.data(), String.class, String.class)
                .setInstant("created_at", callback.createdAt())
                .setInstant("updated_at", callback.updatedAt())
                .setInstant("expires_at", callback.expiresAt())
                .setInt("version", callback.version());
    }

    private static StoredCallback toCallback(Row row) {
        return new StoredCallback(row.getString("id"), row.getString("service"), row.getString("state"),
                nonNull(row.getString("reason")), row.getInstant("desired_time"), nonNull(row.getString("queue")),
                nonNull(row.getString("agent")), row.getInt("attempts"), row.getInstant("slot_start"),
                row.isNull("seat") ? -1 : row.getInt("seat"),
                row.getMap("data", String.class, String.class), row.getInstant("created_at"),
                row.getInstant("updated_at"), row.getInstant("expires_at"), row.getInt("version"));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
