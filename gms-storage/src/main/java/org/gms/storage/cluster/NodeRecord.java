package org.gms.storage.cluster;

import java.time.Instant;

/**
 * A node as the registry knows it.
 *
 * @param nodeId     {@code [server] node_id}
 * @param url        {@code web_scheme://web_host:web_port/genesys}
 * @param version    server version
 * @param startedAt  when the node started (its own clock)
 * @param status     ONLINE or OFFLINE (suspended)
 * @param dataCenter Cassandra local data center of the node
 * @param lastSeen   time of the node's last heartbeat (its own clock; shown, never compared across nodes)
 */
public record NodeRecord(int nodeId, String url, String version, Instant startedAt, String status, String dataCenter,
                         Instant lastSeen) {

    public NodeRecord withStatus(String newStatus, Instant seen) {
        return new NodeRecord(nodeId, url, version, startedAt, newStatus, dataCenter, seen);
    }
}
