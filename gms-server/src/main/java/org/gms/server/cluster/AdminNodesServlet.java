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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gms.core.error.NotFoundException;
import org.gms.core.http.GmsServlet;
import org.gms.core.http.Responses;
import org.gms.server.node.NodeStatus;
import org.gms.storage.cluster.NodeRecord;

/**
 * {@code GET /genesys/1/admin/nodes}: every live node of the ring, read from the registry;
 * {@code POST /genesys/1/admin/nodes/{nodeId}/changestatus/{ONLINE|OFFLINE}}: suspends or resumes that node.
 */
final class AdminNodesServlet extends GmsServlet {

    private static final long serialVersionUID = 1L;

    private static final Pattern CHANGE = Pattern.compile("([^/]+)/changestatus/([^/]*)");

    private final transient Cluster cluster;
    private final transient NodeStatusRelay relay;

    AdminNodesServlet(Responses responses, Cluster cluster, NodeStatusRelay relay) {
        super(responses);
        this.cluster = cluster;
        this.relay = relay;
    }

    @Override
    protected Set<String> methods() {
        return Set.of("GET", "POST");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = pathAfterServlet(request);
        Matcher change = CHANGE.matcher(path);
        if (request.getMethod().equals("POST") && change.matches()) {
            responses.json(request, response, relay.change(change.group(1), NodeStatus.parse(change.group(2))));
            return;
        }
        if (!request.getMethod().equals("GET") || !path.isEmpty()) {
            throw new NotFoundException("No admin nodes operation " + request.getMethod() + " " + path);
        }
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
