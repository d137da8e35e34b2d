package org.gms.server.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.gms.storage.cluster.NodeRecord;
import org.gms.storage.cluster.NodeRegistry;
import org.gms.storage.cluster.lease.LeaseService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's place in the ring: it holds the claim on its node id, refreshes its registry row every period, keeps
 * (or gives up, when suspended) the master lease, and logs the nodes that join or leave. Liveness is the presence of
 * a row whose TTL Cassandra counts, so no two clocks are ever compared.
 */
final class Membership {

    private static final Logger LOG = LoggerFactory.getLogger(Membership.class);
    static final String MASTER = "master";

    private final NodeRegistry registry;
    private final LeaseService leases;
    private final String owner;
    private final Duration period;
    private final BooleanSupplier suspended;
    private final Map<Integer, NodeRecord> members = new TreeMap<>();
    private volatile NodeRecord self;
    private volatile boolean master;
    private ScheduledExecutorService timer;

    Membership(NodeRegistry registry, LeaseService leases, NodeRecord self, String owner, Duration period,
               BooleanSupplier suspended) {
        this.registry = registry;
        this.leases = leases;
        this.self = self;
        this.owner = owner;
        this.period = period;
        this.suspended = suspended;
    }

    /** Claims the node id, writes the first row and starts the heartbeat; fails when the node id is taken. */
    synchronized void join() {
        String claim = claimName(self.nodeId());
        if (!leases.acquire(claim, owner, registry.ttl())) {
            String holder = leases.owner(claim).orElse("a node that just stopped");
            throw new IllegalStateException("Node id " + self.nodeId() + " is already used by a live node (" + holder
                    + "); give each node its own [server] node_id. This node does not start.");
        }
        beat();
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cluster-heartbeat-" + self.nodeId());
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::beat, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One heartbeat; also run at once when the node is suspended or resumed. */
    synchronized void beat() {
        try {
            boolean offline = suspended.getAsBoolean();
            self = registry.heartbeat(self.withStatus(offline ? "OFFLINE" : "ONLINE", self.lastSeen()));
            if (!leases.renew(claimName(self.nodeId()), owner, registry.ttl())
                    && !leases.acquire(claimName(self.nodeId()), owner, registry.ttl())) {
                LOG.error("Node id {} is now claimed by another node ({}); check [server] node_id on every node",
                        self.nodeId(), leases.owner(claimName(self.nodeId())).orElse("unknown"));
            }
            master(offline);
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("Cluster heartbeat failed (retrying in {} ms): {}", period.toMillis(), e.getMessage());
        }
    }

    private void master(boolean offline) {
        if (offline) {
            if (master) {
                leases.release(MASTER, owner);
                master = false;
                LOG.info("Node {} gave up the master role (suspended)", self.nodeId());
            }
            return;
        }
        boolean now = leases.acquire(MASTER, owner, registry.ttl());
        if (now != master) {
            LOG.info("Node {} {} the master role", self.nodeId(), now ? "took" : "lost");
        }
        master = now;
    }

    private void refresh() {
        Map<Integer, NodeRecord> current = new TreeMap<>();
        for (NodeRecord node : registry.members()) {
            current.put(node.nodeId(), node);
        }
        for (NodeRecord node : current.values()) {
            NodeRecord known = members.get(node.nodeId());
            if (known == null || !known.url().equals(node.url())) {
                LOG.info("New node has joined the ring: {}", node.url());
            }
        }
        for (NodeRecord node : members.values()) {
            NodeRecord still = current.get(node.nodeId());
            if (still == null || !still.url().equals(node.url())) {
                LOG.info("Node has been removed from the ring: {}", node.url());
            }
        }
        members.clear();
        members.putAll(current);
    }

    /** The ring as this node saw it at its last heartbeat. */
    synchronized Map<Integer, NodeRecord> members() {
        return Map.copyOf(members);
    }

    boolean isMaster() {
        return master;
    }

    /** Leaves the ring at once: row deleted, claims released. */
    synchronized void leave() {
        stopTimer();
        try {
            if (master) {
                leases.release(MASTER, owner);
                master = false;
            }
            registry.leave(self.nodeId());
            leases.release(claimName(self.nodeId()), owner);
            LOG.info("Node {} left the ring", self.nodeId());
        } catch (RuntimeException e) {
            LOG.warn("Cannot leave the ring cleanly (the row expires by itself): {}", e.getMessage());
        }
    }

    /** Stops refreshing without telling anyone, as a crashed node would. */
    synchronized void halt() {
        stopTimer();
    }

    Optional<String> masterOwner() {
        return leases.owner(MASTER);
    }

    private void stopTimer() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    static String claimName(int nodeId) {
        return "node/" + nodeId;
    }
}
