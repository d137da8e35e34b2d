package org.gms.storage.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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

    private static final Instant PUBLISHED = Instant.now().truncatedTo(ChronoUnit.MILLIS);

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
    void should_purge_both_rows_of_a_subscription_when_its_lifetime_ends() throws Exception {
        String filter = "ors.contact." + UUID.randomUUID();
        StoredSubscription saved = subscription(filter);
        subscriptions.save(saved, 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> subscriptions.find(saved.id()).isEmpty()
                && subscriptions.findByFilters(List.of(filter)).toCompletableFuture().get().subscriptions().isEmpty());
    }

    @Test
    void should_tell_every_node_the_prefix_length_when_a_wildcard_filter_is_subscribed() throws Exception {
        int length = 100 + (int) (Math.random() * 400);
        String prefix = "p".repeat(length);
        subscriptions.save(subscription(prefix + "*"), 60);

        SubscriptionDao otherNode = new SubscriptionDao(cql, TestCassandra.get().settings().keyspace());
        SubscriptionDao.FilterLookup lookup = otherNode.findByFilters(List.of(prefix + "*")).toCompletableFuture().get();
        assertThat(lookup.wildcardPrefixLengths()).contains(length);
        assertThat(lookup.subscriptions()).hasSize(1);
    }

    @Test
    void should_find_a_subscription_by_id_and_by_filter_when_saved() throws Exception {
        String filter = "ors.contact." + UUID.randomUUID();
        StoredSubscription saved = subscription(filter);
        subscriptions.save(saved, 60);

        assertThat(subscriptions.find(saved.id())).contains(saved);
        assertThat(subscriptions.findByFilters(List.of(filter, "nothing*")).toCompletableFuture().get().subscriptions())
                .containsExactly(saved);

        subscriptions.delete(saved);
        assertThat(subscriptions.find(saved.id())).isEmpty();
        assertThat(subscriptions.findByFilters(List.of(filter)).toCompletableFuture().get().subscriptions()).isEmpty();
    }

    @Test
    void should_return_only_unfinished_deliveries_of_a_partition_when_some_are_finished() throws Exception {
        String stream = "stream-" + UUID.randomUUID();
        List<OutboxDelivery> placed = outbox.insert(stream, 7, List.of(delivery("a"), delivery("b")), 3600)
                .toCompletableFuture().get();
        List<OutboxDelivery> elsewhere = outbox.insert(stream, 8, List.of(delivery("c")), 3600)
                .toCompletableFuture().get();
        OutboxDelivery sent = placed.get(0);
        OutboxDelivery open = placed.get(1);

        outbox.finishAll(List.of(sent), List.of("sent"), 3600).toCompletableFuture().get();

        assertThat(outbox.outcome(sent)).isEqualTo("sent");
        assertThat(outbox.outcome(open)).isNull();
        assertThat(outbox.pending(stream, 7).toCompletableFuture().get()).containsExactly(open);
        assertThat(outbox.pending(stream, 8).toCompletableFuture().get()).isEqualTo(elsewhere);
        assertThat(open.part()).isEqualTo(sent.part());
        assertThat(open.properties()).containsEntry("debug", "true");
        assertThat(open.authorization()).isEqualTo("Basic eDp5");
    }

    @Test
    void should_record_a_large_fan_out_of_large_messages_when_it_exceeds_one_mutation() throws Exception {
        String stream = "stream-" + UUID.randomUUID();
        String message = "x".repeat(30_000);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<OutboxDelivery> deliveries = new java.util.ArrayList<>();
        for (int index = 0; index < 300; index++) {
            deliveries.add(OutboxDelivery.of(UUID.randomUUID(), "sub-" + index, "", "httpcb", "http://localhost/cb",
                    Map.of(), "", "", "tag", message, now.plusSeconds(60), now));
        }

        List<OutboxDelivery> placed = outbox.insert(stream, 3, deliveries, 3600).toCompletableFuture().get();

        assertThat(outbox.pending(stream, 3).toCompletableFuture().get()).extracting(OutboxDelivery::deliveryId)
                .containsExactlyInAnyOrderElementsOf(placed.stream().map(OutboxDelivery::deliveryId).toList());
    }

    @Test
    void should_list_a_stream_until_it_is_unregistered() {
        OutboxStream stream = new OutboxStream("stream-" + UUID.randomUUID(), 42,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        outbox.register(stream, 3600);
        assertThat(outbox.streams()).contains(stream);

        outbox.unregister(stream.stream());
        assertThat(outbox.streams()).doesNotContain(stream);
    }

    @Test
    void should_keep_the_attempt_count_when_a_failure_is_recorded() throws Exception {
        String stream = "stream-" + UUID.randomUUID();
        OutboxDelivery delivery = outbox.insert(stream, 1, List.of(delivery("a")), 3600).toCompletableFuture().get()
                .get(0);
        Instant next = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
        outbox.recordAttempt(delivery, 2, next, 3600).toCompletableFuture().get();

        OutboxDelivery read = outbox.pending(stream, 1).toCompletableFuture().get().get(0);
        assertThat(read.attempts()).isEqualTo(2);
        assertThat(read.notBefore()).isEqualTo(next);
    }

    private static StoredSubscription subscription(String filter) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new StoredSubscription(UUID.randomUUID().toString(), filter, "subscriber", "alice", "", "httpcb",
                "http://localhost/cb", Map.of("debug", "false"), "Basic eDp5", now, now.plusSeconds(60));
    }

    /** A delivery of one publish: every call shares the publish time, as the deliveries of a real publish do. */
    private static OutboxDelivery delivery(String subscription) {
        return OutboxDelivery.of(UUID.randomUUID(), subscription, "", "httpcb", "http://localhost/cb",
                Map.of("debug", "true"), "Basic eDp5", "alice", "tag", "hello", PUBLISHED.plusSeconds(3600),
                PUBLISHED);
    }
}
