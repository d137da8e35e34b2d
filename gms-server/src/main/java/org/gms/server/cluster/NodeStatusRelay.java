package org.gms.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gms.core.error.NotFoundException;
import org.gms.core.error.ServiceUnavailableException;
import org.gms.core.http.Json;
import org.gms.server.node.NodeStatus;
import org.gms.storage.cluster.NodeRecord;

/**
 * Suspends or resumes any member of the ring: this node at once, another one over the internal API
 * ({@code node-status}, body {@code {"status":"ONLINE"|"OFFLINE"}}), which applies it as its own
 * {@code /1/admin/node/changestatus} would. The answer is {@code {"nodeId","status"}}, the state the node reports
 * after the change.
 */
final class NodeStatusRelay {

    static final String OPERATION = "node-status";

    private final Cluster cluster;
    private final int nodeId;
    private final NodeStatus status;

    NodeStatusRelay(Cluster cluster, int nodeId, NodeStatus status) {
        this.cluster = cluster;
        this.nodeId = nodeId;
        this.status = status;
        cluster.internal().register(OPERATION, request -> {
            JsonNode body = Json.MAPPER.readTree(request.getInputStream());
            return apply(NodeStatus.parse(body.path("status").asText("")));
        });
    }

    /** Changes the status of node {@code target}; 404 when no live member has that id, 503 when it cannot be told. */
    Map<String, Object> change(String target, NodeStatus.State wanted) {
        int id = parseId(target);
        if (id == nodeId) {
            return apply(wanted);
        }
        NodeRecord node = cluster.registry().members().stream().filter(member -> member.nodeId() == id).findFirst()
                .orElseThrow(() -> unknown(target));
        HttpResponse<String> answer = cluster.client().post(URI.create(node.url()), OPERATION,
                new String(Json.bytes(Map.of("status", wanted.name())), StandardCharsets.UTF_8));
        if (answer.statusCode() != 200) {
            throw new ServiceUnavailableException("Node " + id + " refused the status change: HTTP "
                    + answer.statusCode());
        }
        try {
            JsonNode body = Json.MAPPER.readTree(answer.body());
            return answer(body.path("nodeId").asInt(id), body.path("status").asText(""));
        } catch (IOException e) {
            throw new ServiceUnavailableException("Node " + id + " answered the status change with no JSON");
        }
    }

    private Map<String, Object> apply(NodeStatus.State wanted) {
        return answer(nodeId, status.request(wanted).name());
    }

    private static Map<String, Object> answer(int id, String state) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nodeId", id);
        body.put("status", state);
        return body;
    }

    private static int parseId(String target) {
        try {
            return Integer.parseInt(target);
        } catch (NumberFormatException e) {
            throw unknown(target);
        }
    }

    private static NotFoundException unknown(String target) {
        return new NotFoundException("No live node " + target + " in the cluster");
    }
}
