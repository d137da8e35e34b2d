package org.gms.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.gms.core.http.Json;
import org.gms.server.GmsServer;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClusterMembershipIT {

    private static final Duration RING_DELAY = Duration.ofSeconds(10);

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.noServer();

    private final ClusterTestNodes nodes = new ClusterTestNodes(gms);
    private final LogCapture log = new LogCapture(Membership.class);

    @AfterEach
    void stopCapture() {
        log.close();
    }

    @Test
    void should_list_every_node_on_every_node_when_three_nodes_run() throws Exception {
        GmsServer first = nodes.start(11);
        GmsServer second = nodes.start(12);
        GmsServer third = nodes.start(13);

        for (GmsServer server : new GmsServer[] {first, second, third}) {
            await().atMost(RING_DELAY).until(() -> server.cluster().members().keySet().containsAll(
                    java.util.List.of(11, 12, 13)));
        }
        assertThat(log.messages()).contains("New node has joined the ring: " + third.nodeUrl());

        HttpResponse<String> answer = new HttpTestClient(first).admin().get("/1/admin/nodes");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        JsonNode listed = node(Json.MAPPER.readTree(answer.body()), 12);
        assertThat(listed.get("url").asText()).isEqualTo(second.nodeUrl().toString());
        assertThat(listed.get("status").asText()).isEqualTo("ONLINE");
        assertThat(listed.get("dataCenter").asText()).isEqualTo("datacenter1");
        assertThat(listed.get("startedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(listed.get("lastSeen").asText()).endsWith("Z");
        assertThat(listed.has("master")).isTrue();
    }

    @Test
    void should_show_a_suspended_node_as_offline_when_it_is_suspended() throws Exception {
        GmsServer first = nodes.start(14);
        GmsServer second = nodes.start(15);
        new HttpTestClient(second).admin().postForm("/1/admin/node/changestatus/OFFLINE", Map.of());

        await().atMost(RING_DELAY).until(() -> node(Json.MAPPER.readTree(
                new HttpTestClient(first).admin().get("/1/admin/nodes").body()), 15).get("status").asText().equals("OFFLINE"));
        assertThat(second.cluster().isMaster()).isFalse();
    }

    @Test
    void should_remove_a_node_from_the_ring_when_it_stops() throws Exception {
        GmsServer first = nodes.start(21);
        GmsServer second = nodes.start(22);
        await().atMost(RING_DELAY).until(() -> first.cluster().members().containsKey(22));

        String url = second.nodeUrl().toString();
        second.stop();

        await().atMost(RING_DELAY).until(() -> !first.cluster().members().containsKey(22));
        assertThat(log.messages()).contains("Node has been removed from the ring: " + url);
    }

    @Test
    void should_remove_a_node_from_the_ring_when_it_dies_without_leaving() throws Exception {
        GmsServer first = nodes.start(23);
        GmsServer second = nodes.start(24);
        await().atMost(RING_DELAY).until(() -> first.cluster().members().containsKey(24));

        second.cluster().halt();

        await().atMost(RING_DELAY).until(() -> !first.cluster().members().containsKey(24));
        assertThat(log.messages()).contains("Node has been removed from the ring: " + second.nodeUrl());
    }

    @Test
    void should_refuse_to_start_when_a_live_node_has_the_same_node_id() throws Exception {
        GmsServer first = nodes.start(31);

        assertThatThrownBy(() -> nodes.start(31))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Node id 31 is already used by a live node")
                .hasMessageContaining("[server] node_id");
        // the refused node must not have removed the live one
        await().pollDelay(Duration.ofSeconds(1)).atMost(RING_DELAY)
                .until(() -> first.cluster().registry().members().stream().anyMatch(node -> node.nodeId() == 31));
        assertThat(first.cluster().members()).containsKey(31);
    }

    @Test
    void should_refuse_to_start_when_the_cluster_name_differs() throws Exception {
        nodes.start();

        assertThatThrownBy(() -> nodes.start(nodes.builder().option("cluster", "name", "AnotherCluster")))
                .hasStackTraceContaining("This node's [cluster] name is AnotherCluster but keyspace "
                        + gms.keyspacePrefix() + " belongs to cluster GMS_Cluster");
    }

    private static JsonNode node(JsonNode list, int nodeId) {
        for (JsonNode entry : list) {
            if (entry.get("nodeId").asInt() == nodeId) {
                return entry;
            }
        }
        throw new AssertionError("Node " + nodeId + " is not listed in " + list);
    }
}
