package org.gms.storage.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gms.core.error.ForbiddenException;
import org.gms.storage.cassandra.Cql;
import org.gms.storage.document.cassandra.ChunkDao;
import org.gms.storage.document.cassandra.DocumentDao;
import org.gms.storage.test.CassandraExtension;
import org.gms.storage.test.MovableClock;
import org.gms.storage.test.TestCassandra;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A custom storage id belongs to one user: concurrent creations by different users leave exactly one owner. */
@ExtendWith(CassandraExtension.class)
class CustomIdClaimIT {

    private static final int USERS = 6;
    private final MovableClock clock = new MovableClock();
    private final DocumentRepository repository;
    private final ExecutorService pool = Executors.newFixedThreadPool(USERS);

    CustomIdClaimIT(TestCassandra cassandra) {
        Cql cql = new Cql(cassandra.session());
        String keyspace = cassandra.settings().dataDepotKeyspace();
        repository = new DocumentRepository(new DocumentDao(cql, keyspace), new ChunkDao(cql, keyspace),
                () -> DocumentLimits.DEFAULT, clock);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void should_give_the_id_to_exactly_one_user_when_several_create_it_at_once() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = "claim-" + UUID.randomUUID();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int user = 0; user < USERS; user++) {
                String name = "user" + user;
                attempts.add(pool.submit(() -> {
                    go.await();
                    try {
                        repository.createCustom(id, Optional.of(name), Duration.ofSeconds(60),
                                List.of(new DocumentField.Text("by", name)));
                        return true;
                    } catch (ForbiddenException refused) {
                        return false;
                    }
                }));
            }
            go.countDown();
            List<String> winners = new ArrayList<>();
            for (int user = 0; user < USERS; user++) {
                if (attempts.get(user).get(30, TimeUnit.SECONDS)) {
                    winners.add("user" + user);
                }
            }
            assertThat(winners).as("users whose creation of %s succeeded", id).hasSize(1);
            Document stored = repository.read(id, Optional.of(winners.get(0)));
            assertThat(stored.values()).containsEntry("by", new DocumentValue.Text(winners.get(0)));
        }
    }

    @Test
    void should_let_another_user_take_the_id_when_the_document_has_expired() {
        String id = "claim-" + UUID.randomUUID();
        repository.createCustom(id, Optional.of("ann"), Duration.ofSeconds(60), List.of(new DocumentField.Text("k", "a")));
        assertThatThrownBy(() -> repository.createCustom(id, Optional.of("bob"), Duration.ofSeconds(60), List.of()))
                .isInstanceOf(ForbiddenException.class);

        clock.advance(Duration.ofSeconds(61));
        repository.createCustom(id, Optional.of("bob"), Duration.ofSeconds(60), List.of(new DocumentField.Text("j", "b")));
        assertThat(repository.read(id, Optional.of("bob")).values()).containsOnlyKeys("j");
        assertThatThrownBy(() -> repository.read(id, Optional.of("ann"))).isInstanceOf(ForbiddenException.class);
    }
}
