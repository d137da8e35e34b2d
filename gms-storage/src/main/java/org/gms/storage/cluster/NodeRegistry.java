package org.gms.storage.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The ring: a node is a member while its row exists. Each heartbeat rewrites the row with a TTL of three periods, so
 * a node that stops refreshing disappears after that TTL, counted by Cassandra and not by any node's clock.
 */
public final class NodeRegistry {

    private final NodeRegistryDao dao;
    private final Clock clock;
    private final Duration ttl;

    public NodeRegistry(NodeRegistryDao dao, Clock clock, Duration period) {
        this.dao = dao;
        this.clock = clock;
        this.ttl = period.multipliedBy(3);
    }

    /** Writes this node's row; {@code lastSeen} is set from the clock. */
    public NodeRecord heartbeat(NodeRecord node) {
        NodeRecord seen = node.withStatus(node.status(), clock.instant());
        dao.upsert(seen, (int) Math.max(1, ttl.toSeconds()));
        return seen;
    }

    /** Leaves the ring at once (a graceful stop), instead of waiting for the row to expire. */
    public void leave(int nodeId) {
        dao.delete(nodeId);
    }

    public List<NodeRecord> members() {
        return dao.all();
    }

    public Duration ttl() {
        return ttl;
    }
}
