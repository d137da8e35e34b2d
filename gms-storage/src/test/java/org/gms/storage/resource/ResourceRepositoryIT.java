package org.gms.storage.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gms.storage.cassandra.Cql;
import org.gms.storage.test.CassandraExtension;
import org.gms.storage.test.MovableClock;
import org.gms.storage.test.TestCassandra;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CassandraExtension.class)
class ResourceRepositoryIT {

    private final MovableClock clock = new MovableClock();
    private ResourceRepository repository;

    @BeforeEach
    void create() {
        TestCassandra cassandra = TestCassandra.get();
        repository = new ResourceRepository(new Cql(cassandra.session()), cassandra.settings().keyspace(), clock);
    }

    private static AllocationRequest request(String id) {
        return new AllocationRequest(id, "", "", null);
    }

    @Test
    void should_take_over_a_cluster_lock_when_its_stored_expiry_has_passed_before_its_ttl() {
        ResourceGroup group = ResourceGroup.from("TAKEOVER", Map.of("_allocation_strategy", "CLUSTER",
                "_booking_expiration_timeout", "60", "one", "7400001"));
        assertThat(repository.allocate(group, request("first"))).isPresent();
        assertThat(repository.allocate(group, request("second"))).isEmpty();

        clock.advance(Duration.ofSeconds(61));
        Optional<Booking> third = repository.allocate(group, request("third"));
        assertThat(third).map(Booking::accessNumber).hasValue("7400001");
        assertThat(repository.findLive("7400001")).extracting(Booking::serviceId).containsExactly("third");
    }

    @Test
    void should_free_the_number_for_the_next_holder_when_a_booking_is_released() {
        ResourceGroup group = ResourceGroup.from("RELEASE", Map.of("_allocation_strategy", "CLUSTER",
                "one", "7400002"));
        Booking booking = repository.allocate(group, request("first")).orElseThrow();
        repository.release(booking.accessNumber(), booking.accessCode(), "someone-else", AllocationStrategy.CLUSTER);
        assertThat(repository.allocate(group, request("second"))).isEmpty();

        repository.release(booking.accessNumber(), booking.accessCode(), "first", AllocationStrategy.CLUSTER);
        assertThat(repository.allocate(group, request("second"))).isPresent();
    }

    @Test
    void should_let_exactly_one_of_two_concurrent_matches_claim_a_booking() throws Exception {
        ResourceGroup group = ResourceGroup.from("CLAIM", Map.of("_allocation_strategy", "CLUSTER", "one", "7400006"));
        Booking booking = repository.allocate(group, request("first")).orElseThrow();
        TestCassandra cassandra = TestCassandra.get();
        ResourceRepository otherNode = new ResourceRepository(new Cql(cassandra.session()),
                cassandra.settings().keyspace(), clock);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService matches = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> here = matches.submit(() -> {
                start.await();
                return repository.claim(booking);
            });
            Future<Boolean> there = matches.submit(() -> {
                start.await();
                return otherNode.claim(booking);
            });
            start.countDown();
            assertThat(List.of(here.get(30, TimeUnit.SECONDS), there.get(30, TimeUnit.SECONDS)))
                    .containsExactlyInAnyOrder(true, false);
        } finally {
            matches.shutdownNow();
        }
        assertThat(repository.claim(booking)).isFalse();
        assertThat(repository.findLive("7400006")).isEmpty();
        assertThat(repository.allocate(group, request("second"))).isPresent();
    }

    @Test
    void should_keep_numbers_exclusive_per_node_when_the_strategy_is_local() {
        ResourceGroup group = ResourceGroup.from("LOCAL", Map.of("_allocation_strategy", "LOCAL",
                "_booking_expiration_timeout", "5", "one", "7400003", "two", "7400004"));
        assertThat(repository.allocate(group, request("a"))).isPresent();
        assertThat(repository.allocate(group, request("b"))).isPresent();
        assertThat(repository.allocate(group, request("c"))).isEmpty();
        clock.advance(Duration.ofSeconds(6));
        assertThat(repository.allocate(group, request("c"))).isPresent();
    }

    @Test
    void should_report_a_number_configured_twice_when_the_group_is_read() {
        ResourceGroup group = ResourceGroup.from("DUP", Map.of("a", "7400005", "b", "7400005", "_backup_resource",
                "7400009", "#comment", "x"));
        assertThat(group.resources()).containsExactly("7400005");
        assertThat(group.duplicates()).containsExactly("7400005");
        assertThat(group.strategy()).isEqualTo(AllocationStrategy.RANDOM);
        assertThat(group.bookingTimeout()).isEqualTo(Duration.ofSeconds(30));
    }
}
