package org.gms.storage.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
class CallbackRepositoryIT {

    private final MovableClock clock = new MovableClock();
    private CallbackRepository repository;
    private final String service = "svc-" + UUID.randomUUID();

    @BeforeEach
    void create() {
        TestCassandra cassandra = TestCassandra.get();
        repository = new CallbackRepository(new Cql(cassandra.session()), cassandra.settings().keyspace(), clock);
    }

    private StoredCallback callback(String state, Instant desired, Map<String, String> data) {
        Instant now = clock.instant();
        return new StoredCallback("1-" + UUID.randomUUID(), service, state, "", desired, "VQ", "", 0, null, -1, data,
                now, now, desired.plus(Duration.ofDays(1)), 1);
    }

    private static StoredCallback next(StoredCallback current, String state) {
        return new StoredCallback(current.id(), current.service(), state, current.reason(), current.desiredTime(),
                current.queue(), current.agent(), current.attempts(), current.slotStart(), current.seat(),
                current.data(), current.createdAt(), current.updatedAt(), current.expiresAt(),
                current.version() + 1);
    }

    @Test
    void should_apply_a_change_only_to_the_version_it_read_when_two_writers_race() {
        StoredCallback created = callback("QUEUED", clock.instant(), Map.of("_customer_number", "5115"));
        repository.create(created, Map.of("_customer_number", "5115"));

        boolean first = repository.replace(created, next(created, "ROUTING"), Map.of(), Map.of());
        boolean second = repository.replace(created, next(created, "COMPLETED"), Map.of(), Map.of());

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(repository.find(created.id())).get().extracting(StoredCallback::state).isEqualTo("ROUTING");
    }

    @Test
    void should_keep_the_active_index_beside_the_state_and_move_lookup_rows_when_values_change() {
        StoredCallback created = callback("QUEUED", clock.instant(), Map.of("_customer_number", "6001"));
        repository.create(created, Map.of("_customer_number", "6001"));
        assertThat(repository.active(service)).extracting(ActiveCallback::id).containsExactly(created.id());

        StoredCallback renumbered = new StoredCallback(created.id(), service, "COMPLETED", "CANCELLED",
                created.desiredTime(), "VQ", "", 0, null, -1, Map.of("_customer_number", "6002"),
                created.createdAt(), clock.instant(), created.expiresAt(), 2);
        assertThat(repository.replace(created, renumbered, Map.of("_customer_number", "6001"),
                Map.of("_customer_number", "6002"))).isTrue();

        assertThat(repository.active(service)).isEmpty();
        assertThat(repository.byKey("_customer_number", "6001")).isEmpty();
        assertThat(repository.byKey("_customer_number", "6002")).extracting(StoredCallback::id)
                .containsExactly(created.id());
    }

    @Test
    void should_find_callbacks_by_desired_time_across_days_in_order_and_hide_expired_ones() {
        Instant base = Instant.parse("2030-01-01T23:30:00Z");
        StoredCallback late = callback("SCHEDULED", base.plus(Duration.ofHours(1)), Map.of());
        StoredCallback early = callback("SCHEDULED", base, Map.of());
        repository.create(late, Map.of());
        repository.create(early, Map.of());

        assertThat(repository.byTime(service, base.minusSeconds(1), base.plus(Duration.ofHours(2)), 10))
                .extracting(StoredCallback::id).containsExactly(early.id(), late.id());
        clock.advance(Duration.between(clock.instant(), early.expiresAt()).plusSeconds(1));
        assertThat(repository.find(early.id())).isEmpty();
    }

    @Test
    void should_hand_each_seat_of_a_slot_to_one_holder_when_many_claim_it_at_once() throws Exception {
        Instant slot = Instant.parse("2030-02-01T10:00:00Z");
        ExecutorService executor = Executors.newFixedThreadPool(16);
        List<Future<Boolean>> claims = new ArrayList<>();
        try {
            for (int index = 0; index < 64; index++) {
                String holder = "holder-" + index;
                claims.add(executor.submit(() -> repository.claimSeat(service, slot, 0, holder,
                        Duration.ofHours(1))));
            }
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            executor.shutdownNow();
        }
        String holder = repository.seats(service, slot).get(0);
        assertThat(repository.releaseSeat(service, slot, 0, "someone-else")).isFalse();
        assertThat(repository.used(service, List.of(slot))).containsEntry(slot, 1);
        assertThat(repository.releaseSeat(service, slot, 0, holder)).isTrue();
        assertThat(repository.used(service, List.of(slot))).doesNotContainKey(slot);
    }

    @Test
    void should_change_a_counter_only_from_the_state_it_read() {
        String name = "rate|" + service;
        assertThat(repository.createCounter(name, "1", Duration.ofMinutes(5))).isTrue();
        assertThat(repository.createCounter(name, "1", Duration.ofMinutes(5))).isFalse();
        assertThat(repository.replaceCounter(name, "1", "2", Duration.ofMinutes(5))).isTrue();
        assertThat(repository.replaceCounter(name, "1", "3", Duration.ofMinutes(5))).isFalse();
        Map<String, String> read = new HashMap<>();
        repository.counter(name).ifPresent(state -> read.put(name, state));
        assertThat(read).containsEntry(name, "2");
    }
}
