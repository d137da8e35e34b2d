package org.gms.server.cluster;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gms.core.http.GmsServlet;
import org.gms.core.http.Responses;
import org.gms.storage.cluster.NodeRecord;

/** {@code GET /genesys/1/admin/nodes}: every live node of the ring, read from the registry. */
final class AdminNodesServlet extends GmsServlet {

    private static final long serialVersionUID = 1L;

    private final transient Cluster cluster;

    AdminNodesServlet(Responses responses, Cluster cluster) {
        super(responses);
        this.cluster = cluster;
    }

    @Override
    protected Set<String> methods() {
        return Set.of("GET");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Integer> master = cluster.masterNodeId();
        List<Map<String, Object>> nodes = new ArrayList<>();
        cluster.registry().members().stream().sorted(Comparator.comparingInt(NodeRecord::nodeId)).forEach(node -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("nodeId", node.nodeId());
            entry.put("url", node.url());
            entry.put("status", node.status());
            entry.put("startedAt", iso(node.startedAt()));
            entry.put("lastSeen", iso(node.lastSeen()));
            entry.put("dataCenter", node.dataCenter());
            entry.put("version", node.version());
            entry.put("master", master.isPresent() && master.get() == node.nodeId());
            nodes.add(entry);
        });
        responses.json(request, response, nodes);
    }

    private static String iso(Instant time) {
        return time == null ? null : DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.MILLIS));
    }
}
