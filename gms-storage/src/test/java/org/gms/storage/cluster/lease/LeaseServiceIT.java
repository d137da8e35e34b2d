package org.gms.storage.cluster.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.gms.storage.cassandra.Cql;
import org.gms.storage.test.CassandraExtension;
import org.gms.storage.test.TestCassandra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CassandraExtension.class)
class LeaseServiceIT {

    private final LeaseService leases;
    private final String name = "test/" + UUID.randomUUID();

    LeaseServiceIT(TestCassandra cassandra) {
        leases = new CassandraLeaseService(new Cql(cassandra.session()), cassandra.settings().keyspace());
    }

    @Test
    void should_give_the_lease_to_one_owner_only_when_two_compete() {
        assertThat(leases.acquire(name, "a", Duration.ofSeconds(30))).isTrue();
        assertThat(leases.acquire(name, "b", Duration.ofSeconds(30))).isFalse();
        assertThat(leases.renew(name, "b", Duration.ofSeconds(30))).isFalse();
        assertThat(leases.owner(name)).hasValue("a");
    }

    @Test
    void should_keep_the_lease_when_the_owner_acquires_or_renews_it_again() {
        assertThat(leases.acquire(name, "a", Duration.ofSeconds(30))).isTrue();
        assertThat(leases.acquire(name, "a", Duration.ofSeconds(30))).isTrue();
        assertThat(leases.renew(name, "a", Duration.ofSeconds(30))).isTrue();
        assertThat(leases.owner(name)).hasValue("a");
    }

    @Test
    void should_let_another_owner_take_it_when_released() {
        leases.acquire(name, "a", Duration.ofSeconds(30));
        assertThat(leases.release(name, "b")).isFalse();
        assertThat(leases.release(name, "a")).isTrue();
        assertThat(leases.owner(name)).isEmpty();
        assertThat(leases.acquire(name, "b", Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void should_lapse_when_the_owner_stops_renewing() {
        leases.acquire(name, "a", Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> leases.acquire(name, "b", Duration.ofSeconds(30)));
        assertThat(leases.owner(name)).hasValue("b");
        assertThat(leases.renew(name, "a", Duration.ofSeconds(30))).isFalse();
    }
}
