package org.gms.push.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.gms.push.PushHarness;
import org.gms.push.PushSystems;
import org.gms.push.api.PublishRequest;
import org.gms.push.api.SubscribeRequest;
import org.gms.push.mock.HttpReceiver;
import org.gms.push.mock.HttpReceiver.Answer;
import org.gms.storage.cluster.lease.CassandraLeaseService;
import org.gms.storage.push.OutboxDao;
import org.gms.storage.push.OutboxStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Two engines over one outbox: a stopped node loses nothing, and no delivery is completed twice. */
class OutboxTakeoverIT {

    @RegisterExtension
    static final PushSystems SYSTEMS = new PushSystems();

    private HttpReceiver receiver;
    private PushSystem first;
    private PushSystem second;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpReceiver.startPlain();
    }

    @AfterEach
    void stop() throws Exception {
        receiver.close();
    }

    @ParameterizedTest(name = "hands over: {0}")
    @ValueSource(booleans = {true, false})
    void should_deliver_everything_once_from_another_node_when_a_node_stops_or_dies_mid_delivery(boolean handsOver)
            throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        receiver.answerWith(request -> {
            if (request.path().equals("/held")) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Answer.status(503);
            }
            return Answer.ok();
        });
        first = node();
        String tag = PushHarness.tag();
        for (int index = 0; index < 5; index++) {
            first.service().subscribe(new SubscribeRequest("", "s" + index, null, receiver.url("/held"), "httpcb",
                    Map.of(), null, 120, tag));
        }
        assertThat(first.service().publish(new PublishRequest(tag, "m", null, Map.of())).get()).isEqualTo(5);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 5);
        Set<String> heldIds = deliveryIds();

        String stoppedStream = first.engine().stream();
        if (handsOver) {
            first.close();
            first = null;
        } else {
            // dies: sends nothing more and gives nothing up; its lease has to lapse
            first.engine().close();
        }
        receiver.answerWith(request -> Answer.ok());
        release.countDown();
        second = node();

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.completedByDelivery().size() == 5);
        assertThat(receiver.completedByDelivery().keySet()).isEqualTo(heldIds);
        assertThat(receiver.completedByDelivery().values()).containsOnly(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !listedStreams().contains(stoppedStream));
    }

    @Test
    void should_open_a_new_stream_and_keep_delivering_when_another_node_took_this_nodes_stream() throws Exception {
        receiver.answerWith(request -> Answer.ok());
        first = node();
        String lost = first.engine().stream();
        CassandraLeaseService leases = new CassandraLeaseService(SYSTEMS.cql(), SYSTEMS.keyspace());
        // as if this node had looked dead for a whole lease and another node had adopted its stream
        assertThat(leases.release("push-stream/" + lost, first.engine().settings().nodeId())).isTrue();
        assertThat(leases.acquire("push-stream/" + lost, "another-node", Duration.ofSeconds(30))).isTrue();

        first.engine().maintain();

        assertThat(first.engine().stream()).isNotEqualTo(lost);
        String tag = PushHarness.tag();
        first.service().subscribe(new SubscribeRequest("", "s", null, receiver.url("/ok"), "httpcb", Map.of(), null,
                120, tag));
        assertThat(first.service().publish(new PublishRequest(tag, "m", null, Map.of())).get()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.completedByDelivery().size() == 1);
        leases.release("push-stream/" + lost, "another-node");
    }

    @Test
    void should_complete_each_delivery_once_when_two_nodes_scan_the_same_outbox() throws Exception {
        receiver.answerWith(request -> Answer.ok());
        first = node();
        second = node();
        String tag = PushHarness.tag();
        for (int index = 0; index < 20; index++) {
            first.service().subscribe(new SubscribeRequest("", "s" + index, null, receiver.url("/ok"), "httpcb",
                    Map.of(), null, 120, tag));
        }
        assertThat(second.service().publish(new PublishRequest(tag, "m", null, Map.of())).get()).isEqualTo(20);

        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.completedByDelivery().size() == 20);
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                .until(() -> receiver.received().size() == 20);
        assertThat(receiver.completedByDelivery().values()).containsOnly(1);
    }

    private static Set<String> listedStreams() {
        return new OutboxDao(SYSTEMS.cql(), SYSTEMS.keyspace())
                .streams().stream().map(OutboxStream::stream).collect(Collectors.toSet());
    }

    private Set<String> deliveryIds() {
        return receiver.received().stream().map(request -> request.header("X-GMS-Delivery-Id"))
                .collect(Collectors.toSet());
    }

    private PushSystem node() throws Exception {
        PushHarness harness = SYSTEMS.harness().option("push", "pushEnabled", "httpcb");
        harness.engine = harness.engine.withLease(Duration.ofSeconds(2), Duration.ofMillis(300));
        return harness.start();
    }
}
