package org.gms.storage.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gms.storage.cassandra.Cql;
import org.gms.storage.test.CassandraExtension;
import org.gms.storage.test.TestCassandra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CassandraExtension.class)
class PushDaoIT {

    private final Cql cql;
    private final SubscriptionDao subscriptions;
    private final OutboxDao outbox;

    PushDaoIT(TestCassandra cassandra) {
        cql = new Cql(cassandra.session());
        String keyspace = cassandra.settings().keyspace();
        subscriptions = new SubscriptionDao(cql, keyspace);
        outbox = new OutboxDao(cql, keyspace);
    }

    @Test
    void should_find_a_subscription_by_id_and_by_filter_when_saved() throws Exception {
        String filter = "ors.contact." + UUID.randomUUID();
        StoredSubscription saved = subscription(filter);
        subscriptions.save(saved, 60);

        assertThat(subscriptions.find(saved.id())).contains(saved);
        assertThat(subscriptions.findByFilters(List.of(filter, "nothing*")).toCompletableFuture().get())
                .containsExactly(saved);

        subscriptions.delete(saved);
        assertThat(subscriptions.find(saved.id())).isEmpty();
        assertThat(subscriptions.findByFilters(List.of(filter)).toCompletableFuture().get()).isEmpty();
    }

    @Test
    void should_refuse_a_claim_while_leased_and_grant_it_once_when_unleased() throws Exception {
        long bucket = System.nanoTime();
        OutboxDelivery leased = delivery(bucket);
        OutboxDelivery free = delivery(bucket);
        outbox.insert(List.of(leased), "node-a", 3600, 60).toCompletableFuture().get();
        outbox.insert(List.of(free), null, 3600, 60).toCompletableFuture().get();

        assertThat(outbox.pending(bucket, 0).toCompletableFuture().get())
                .extracting(OutboxDelivery::deliveryId, OutboxDelivery::owner)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(leased.deliveryId(), "node-a"),
                        org.assertj.core.groups.Tuple.tuple(free.deliveryId(), null));
        assertThat(outbox.claim(leased, "node-b", 60).toCompletableFuture().get()).isFalse();
        assertThat(outbox.claim(free, "node-b", 60).toCompletableFuture().get()).isTrue();
        assertThat(outbox.claim(free, "node-c", 60).toCompletableFuture().get()).isFalse();

        outbox.finish(leased, "sent", 3600).toCompletableFuture().get();
        assertThat(outbox.outcome(bucket, 0, leased.deliveryId())).isEqualTo("sent");
        assertThat(outbox.pending(bucket, 0).toCompletableFuture().get())
                .extracting(OutboxDelivery::deliveryId).containsExactly(free.deliveryId());
    }

    @Test
    void should_keep_the_attempt_count_when_a_failure_is_recorded() throws Exception {
        long bucket = System.nanoTime();
        OutboxDelivery delivery = delivery(bucket);
        outbox.insert(List.of(delivery), "node-a", 3600, 60).toCompletableFuture().get();
        Instant next = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
        outbox.recordAttempt(delivery, 2, next, 3600).toCompletableFuture().get();

        OutboxDelivery read = outbox.pending(bucket, 0).toCompletableFuture().get().get(0);
        assertThat(read.attempts()).isEqualTo(2);
        assertThat(read.notBefore()).isEqualTo(next);
    }

    private static StoredSubscription subscription(String filter) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new StoredSubscription(UUID.randomUUID().toString(), filter, "subscriber", "alice", "", "httpcb",
                "http://localhost/cb", Map.of("debug", "false"), "Basic eDp5", now, now.plusSeconds(60));
    }

    private static OutboxDelivery delivery(long bucket) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new OutboxDelivery(bucket, 0, UUID.randomUUID(), "sub", "", "httpcb", "http://localhost/cb", Map.of(),
                "", "alice", "tag", "hello", now.plusSeconds(60), now, 0, now, null, false);
    }
}
