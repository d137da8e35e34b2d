package org.gms.storage.push;

import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.bindMarker;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.deleteFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.insertInto;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.literal;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.selectFrom;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.querybuilder.insert.RegularInsert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.gms.storage.cassandra.Cql;

/**
 * CQL of the two subscription tables, always written together in a logged batch. The prefix lengths of the wildcard
 * filters ever subscribed are rows of a reserved partition of the filter table, so that one read brings both the
 * subscriptions of the filters asked for and the lengths in use.
 */
public final class SubscriptionDao {

    /** Filter-table partition of the wildcard prefix lengths: no filter starts with a space (filters are trimmed). */
    static final String LENGTHS_PARTITION = " wildcard-prefix-lengths";

    private final Cql cql;
    private final PreparedStatement insertById;
    private final PreparedStatement insertByFilter;
    private final PreparedStatement selectById;
    private final PreparedStatement selectByFilters;
    private final PreparedStatement deleteById;
    private final PreparedStatement deleteByFilter;
    private final PreparedStatement addWildcardLength;
    /** Lengths this node knows to be recorded already: the set only grows, so they need no second write. */
    private final Set<Integer> recordedLengths = ConcurrentHashMap.newKeySet();

    public SubscriptionDao(Cql cql, String keyspace) {
        this.cql = cql;
        insertById = cql.session().prepare(columns(insertInto(keyspace, PushTables.SUBSCRIPTION)
                .value("id", bindMarker("id")))
                .usingTtl(bindMarker("ttl")).build());
        insertByFilter = cql.session().prepare(columns(insertInto(keyspace, PushTables.SUBSCRIPTION_BY_FILTER)
                .value("id", bindMarker("id")))
                .usingTtl(bindMarker("ttl")).build());
        selectById = cql.session().prepare(selectFrom(keyspace, PushTables.SUBSCRIPTION).all()
                .whereColumn("id").isEqualTo(bindMarker("id")).build());
        selectByFilters = cql.session().prepare(selectFrom(keyspace, PushTables.SUBSCRIPTION_BY_FILTER).all()
                .whereColumn("tag_filter").in(bindMarker("tag_filters")).build());
        deleteById = cql.session().prepare(deleteFrom(keyspace, PushTables.SUBSCRIPTION)
                .whereColumn("id").isEqualTo(bindMarker("id")).build());
        deleteByFilter = cql.session().prepare(deleteFrom(keyspace, PushTables.SUBSCRIPTION_BY_FILTER)
                .whereColumn("tag_filter").isEqualTo(bindMarker("tag_filter"))
                .whereColumn("id").isEqualTo(bindMarker("id")).build());
        addWildcardLength = cql.session().prepare(insertInto(keyspace, PushTables.SUBSCRIPTION_BY_FILTER)
                .value("tag_filter", literal(LENGTHS_PARTITION))
                .value("id", bindMarker("id")).build());
    }

    private static RegularInsert columns(RegularInsert insert) {
        return insert.value("tag_filter", bindMarker("tag_filter"))
                .value("subscriber_id", bindMarker("subscriber_id"))
                .value("gms_user", bindMarker("gms_user"))
                .value("provider_name", bindMarker("provider_name"))
                .value("type", bindMarker("type"))
                .value("device_id", bindMarker("device_id"))
                .value("properties", bindMarker("properties"))
                .value("auth_header", bindMarker("auth_header"))
                .value("created_at", bindMarker("created_at"))
                .value("expires_at", bindMarker("expires_at"));
    }

    /**
     * Writes (or rewrites) both rows; they disappear by themselves after {@code ttlSeconds}. The prefix length of a
     * wildcard filter is recorded first, so a publish that can see the subscription also looks for it.
     */
    public void save(StoredSubscription subscription, int ttlSeconds) {
        String filter = subscription.filter();
        if (filter.equals(LENGTHS_PARTITION)) {
            throw new IllegalArgumentException("Reserved filter");
        }
        if (filter.endsWith("*") && !recordedLengths.contains(filter.length() - 1)) {
            // no TTL: a length stays recorded for good (at most 513 rows)
            cql.execute(addWildcardLength.bind().setString("id", Integer.toString(filter.length() - 1)));
            recordedLengths.add(filter.length() - 1);
        }
        cql.execute(BatchStatement.newInstance(BatchType.LOGGED,
                bind(insertById, subscription, ttlSeconds), bind(insertByFilter, subscription, ttlSeconds)));
    }

    public Optional<StoredSubscription> find(String id) {
        return Optional.ofNullable(cql.execute(selectById.bind().setString("id", id)).one())
                .map(SubscriptionDao::toSubscription);
    }

    /**
     * Every stored subscription whose filter is one of {@code filters}, expired ones included, and, read in the same
     * request, the prefix lengths of the wildcard filters ever subscribed ({@code ors.*}: 4).
     */
    public CompletionStage<FilterLookup> findByFilters(List<String> filters) {
        List<String> partitions = new ArrayList<>(filters.size() + 1);
        partitions.addAll(filters);
        partitions.add(LENGTHS_PARTITION);
        return cql.executeAsync(selectByFilters.bind().setList("tag_filters", partitions, String.class))
                .thenCompose(page -> collect(page, new FilterLookup(new ArrayList<>(), new TreeSet<>())));
    }

    /** Subscriptions found by filter, and the wildcard prefix lengths recorded when they were read. */
    public record FilterLookup(List<StoredSubscription> subscriptions, Set<Integer> wildcardPrefixLengths) {
    }

    public void delete(StoredSubscription subscription) {
        cql.execute(BatchStatement.newInstance(BatchType.LOGGED,
                deleteById.bind().setString("id", subscription.id()),
                deleteByFilter.bind().setString("tag_filter", subscription.filter()).setString("id", subscription.id())));
    }

    private static CompletionStage<FilterLookup> collect(com.datastax.oss.driver.api.core.cql.AsyncResultSet page,
                                                         FilterLookup into) {
        for (Row row : page.currentPage()) {
            if (LENGTHS_PARTITION.equals(row.getString("tag_filter"))) {
                into.wildcardPrefixLengths().add(Integer.parseInt(row.getString("id")));
            } else {
                into.subscriptions().add(toSubscription(row));
            }
        }
        if (page.hasMorePages()) {
            return page.fetchNextPage().thenCompose(next -> collect(next, into));
        }
        return java.util.concurrent.CompletableFuture.completedFuture(into);
    }

    private static BoundStatement bind(PreparedStatement statement, StoredSubscription subscription, int ttl) {
        return statement.bind()
                .setString("id", subscription.id())
                .setString("tag_filter", subscription.filter())
                .setString("subscriber_id", subscription.subscriberId())
                .setString("gms_user", subscription.user())
                .setString("provider_name", subscription.providerName())
                .setString("type", subscription.type())
                .setString("device_id", subscription.deviceId())
                .setMap("properties", subscription.properties(), String.class, String.class)
                .setString("auth_header", subscription.authorization())
                .setInstant("created_at", subscription.createdAt())
                .setInstant("expires_at", subscription.expiresAt())
                .setInt("ttl", Math.max(1, ttl));
    }

    private static StoredSubscription toSubscription(Row row) {
        Instant expires = row.getInstant("expires_at");
        return new StoredSubscription(row.getString("id"), row.getString("tag_filter"), text(row, "subscriber_id"),
                text(row, "gms_user"), text(row, "provider_name"), text(row, "type"), text(row, "device_id"),
                row.getMap("properties", String.class, String.class), text(row, "auth_header"),
                row.getInstant("created_at"), expires == null ? Instant.EPOCH : expires);
    }

    private static String text(Row row, String column) {
        String value = row.getString(column);
        return value == null ? "" : value;
    }
}
