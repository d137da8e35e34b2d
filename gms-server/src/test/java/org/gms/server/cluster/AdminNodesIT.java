package org.gms.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.gms.core.http.Json;
import org.gms.server.GmsServer;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.security.auth.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /genesys/1/admin/nodes/{nodeId}/changestatus/{ONLINE|OFFLINE}}: an administrator on one node suspends
 * and resumes another node (relayed over the internal API) or the node answering; unknown nodes, unknown statuses and
 * supervisors are refused.
 */
class AdminNodesIT {

    private static final Duration RING_DELAY = Duration.ofSeconds(10);

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.noServer();

    private final ClusterTestNodes nodes = new ClusterTestNodes(gms);

    @Test
    void should_suspend_and_resume_another_node_when_an_administrator_asks_any_node() throws Exception {
        GmsServer first = nodes.start(31);
        GmsServer second = nodes.start(32);
        HttpTestClient admin = new HttpTestClient(first).admin();

        HttpResponse<String> suspended = admin.postForm("/1/admin/nodes/32/changestatus/OFFLINE", Map.of());

        assertThat(suspended.statusCode()).isEqualTo(200);
        assertThat(suspended.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        assertThat(suspended.body()).isEqualTo("{\"nodeId\":32,\"status\":\"OFFLINE\"}");
        assertThat(new HttpTestClient(second).get("/1/node").statusCode()).isEqualTo(503);
        assertThat(new HttpTestClient(first).get("/1/node").statusCode()).isEqualTo(200);
        await().atMost(RING_DELAY).until(() -> status(admin, 32).equals("OFFLINE"));

        HttpResponse<String> resumed = admin.postForm("/1/admin/nodes/32/changestatus/ONLINE", Map.of());

        assertThat(resumed.body()).isEqualTo("{\"nodeId\":32,\"status\":\"ONLINE\"}");
        assertThat(new HttpTestClient(second).get("/1/node").body()).isEqualTo("ONLINE");
        await().atMost(RING_DELAY).until(() -> status(admin, 32).equals("ONLINE"));
    }

    @Test
    void should_change_the_node_answering_when_it_names_itself() throws Exception {
        GmsServer server = nodes.start(33);
        HttpTestClient http = new HttpTestClient(server);

        assertThat(http.admin().postForm("/1/admin/nodes/33/changestatus/OFFLINE", Map.of()).body())
                .isEqualTo("{\"nodeId\":33,\"status\":\"OFFLINE\"}");
        assertThat(http.get("/1/node").body()).isEqualTo("OFFLINE");
        assertThat(http.admin().postForm("/1/admin/nodes/33/changestatus/ONLINE", Map.of()).statusCode())
                .isEqualTo(200);
        assertThat(http.get("/1/node").body()).isEqualTo("ONLINE");
    }

    @Test
    void should_refuse_unknown_nodes_unknown_statuses_and_supervisors() throws Exception {
        GmsServer server = nodes.start(nodes.builder(34).user("sam", Role.SUPERVISOR, "sam-password"));
        HttpTestClient http = new HttpTestClient(server);

        HttpResponse<String> unknown = http.admin().postForm("/1/admin/nodes/99/changestatus/OFFLINE", Map.of());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("No live node 99 in the cluster");
        assertThat(http.admin().postForm("/1/admin/nodes/abc/changestatus/OFFLINE", Map.of()).statusCode())
                .isEqualTo(404);
        HttpResponse<String> sleeping = http.admin().postForm("/1/admin/nodes/34/changestatus/SLEEPING", Map.of());
        assertThat(sleeping.statusCode()).isEqualTo(400);
        assertThat(sleeping.body()).contains("Unknown node status [SLEEPING]: use ONLINE or OFFLINE");
        assertThat(http.admin().postForm("/1/admin/nodes/34/other", Map.of()).statusCode()).isEqualTo(404);

        HttpTestClient supervisor = http.as("sam", "sam-password");
        assertThat(supervisor.postForm("/1/admin/nodes/34/changestatus/OFFLINE", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(supervisor.get("/1/admin/nodes").statusCode()).isEqualTo(200);
        assertThat(http.get("/1/node").body()).isEqualTo("ONLINE");
    }

    private static String status(HttpTestClient admin, int nodeId) throws Exception {
        for (JsonNode node : Json.MAPPER.readTree(admin.get("/1/admin/nodes").body())) {
            if (node.get("nodeId").asInt() == nodeId) {
                return node.get("status").asText();
            }
        }
        return "";
    }
}
