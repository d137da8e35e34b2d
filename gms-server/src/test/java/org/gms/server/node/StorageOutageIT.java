package org.gms.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.gms.server.GmsServer;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.storage.test.TcpProxy;
import org.gms.storage.test.TestCassandra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A node whose Cassandra becomes unreachable reports OFFLINE (503) and comes back by itself. */
class StorageOutageIT {

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.noServer();

    private static TcpProxy network;

    @BeforeAll
    static void openNetwork() {
        network = new TcpProxy(TestCassandra.get().nativePort());
    }

    /** Runs after the extension has stopped the test's server, so its last writes still reach Cassandra. */
    @AfterAll
    static void closeNetwork() {
        network.close();
    }

    @Test
    void should_answer_503_offline_while_cassandra_is_unreachable_and_recover_when_it_returns() throws Exception {
        GmsServer server = gms.start(gms.builder()
                .option("cassandra", "nodes", "127.0.0.1:" + network.port())
                .option("cassandra", "request-timeout", "1000"));
        HttpTestClient http = new HttpTestClient(server);
        assertThat(http.get("/1/node").body()).isEqualTo("ONLINE");

        network.cut();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var answer = http.get("/1/node");
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.body()).isEqualTo("OFFLINE");
        });

        network.restore();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.get("/1/node").statusCode()).isEqualTo(200));
    }
}
