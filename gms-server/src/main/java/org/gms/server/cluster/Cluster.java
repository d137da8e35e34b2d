package org.gms.server.cluster;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gms.server.node.NodeStatus;
import org.gms.storage.cassandra.CassandraStorage;
import org.gms.storage.cassandra.Cql;
import org.gms.storage.cluster.ClusterInfoDao;
import org.gms.storage.cluster.NodeRecord;
import org.gms.storage.cluster.NodeRegistry;
import org.gms.storage.cluster.NodeRegistryDao;
import org.gms.storage.cluster.job.JobEngine;
import org.gms.storage.cluster.job.JobScheduler;
import org.gms.storage.cluster.lease.CassandraLeaseService;
import org.gms.storage.cluster.lease.LeaseService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's membership of the cluster: identity checks, registry heartbeat, master lease, job engine and the
 * internal API. Built with the server; connected once the storage is ready; joins the ring once the server listens.
 */
public final class Cluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Cluster.class);

    private final ClusterSettings settings;
    private final int nodeId;
    private final Clock clock;
    private final NodeStatus status;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final InternalEndpoints internal = new InternalEndpoints();
    private final PendingJobScheduler jobs = new PendingJobScheduler();
    private volatile String secret;
    private volatile String dataCenter;
    private volatile LeaseService leases;
    private volatile NodeRegistry registry;
    private volatile JobEngine engine;
    private volatile Membership membership;
    private volatile String owner;
    private volatile boolean halted;

    public Cluster(ClusterSettings settings, int nodeId, Clock clock, NodeStatus status) {
        this.settings = settings;
        this.nodeId = nodeId;
        this.clock = clock;
        this.status = status;
    }

    /** Checks the cluster name, settles the shared secret and builds the DAOs; refuses a foreign keyspace. */
    public void connect(CassandraStorage storage) {
        Cql cql = storage.cql();
        String keyspace = storage.settings().keyspace();
        ClusterInfoDao info = new ClusterInfoDao(cql, keyspace);
        String recorded = info.claim(ClusterInfoDao.CLUSTER_NAME, settings.name(), clock.instant());
        if (!recorded.equals(settings.name())) {
            throw new IllegalStateException("This node's [cluster] name is " + settings.name() + " but keyspace "
                    + keyspace + " belongs to cluster " + recorded + "; fix [cluster] name or [cassandra]"
                    + " keyspace-prefix. This node does not start.");
        }
        secret = settings.secret().isEmpty()
                ? info.claim(ClusterInfoDao.CLUSTER_SECRET, generateSecret(), clock.instant())
                : settings.secret();
        dataCenter = storage.settings().localDc();
        leases = new CassandraLeaseService(cql, keyspace);
        registry = new NodeRegistry(new NodeRegistryDao(cql, keyspace), clock, settings.heartbeatPeriod());
        engine = new JobEngine(cql, keyspace, leases, settings.jobs(), clock, "node" + nodeId + "#" + instance);
        jobs.attach(engine);
    }

    /** Claims the node id, enters the ring and starts taking jobs; fails when another live node has this id. */
    public void join(URI nodeUrl, String version) {
        owner = "node" + nodeId + "@" + nodeUrl + "#" + instance;
        NodeRecord self = new NodeRecord(nodeId, nodeUrl.toString(), version, clock.instant(), "ONLINE", dataCenter,
                clock.instant());
        Membership joining = new Membership(registry, leases, self, owner, settings.heartbeatPeriod(),
                status::isSuspended);
        // only a node that joined may later delete its row: a refused duplicate must not remove the live one's
        joining.join();
        membership = joining;
        engine.start();
        if (status.isSuspended()) {
            engine.pause();
        }
        LOG.info("Node {} is a member of cluster {} ({})", nodeId, settings.name(), nodeUrl);
    }

    /** Follows the node status: a suspended node claims no job and gives up the master role. */
    public void statusChanged(NodeStatus.State requested) {
        if (engine == null || membership == null) {
            return;
        }
        if (requested == NodeStatus.State.OFFLINE) {
            engine.pause();
        } else {
            engine.resume();
        }
        membership.beat();
    }

    /** Job handlers may be registered at any time; scheduling needs the storage. */
    public JobScheduler jobs() {
        return jobs;
    }

    public LeaseService leases() {
        return require(leases);
    }

    public InternalEndpoints internal() {
        return internal;
    }

    /** A client for the internal API of other nodes. */
    public InternalClient client() {
        return new InternalClient(require(secret));
    }

    String secret() {
        return require(secret);
    }

    public NodeRegistry registry() {
        return require(registry);
    }

    /** The ring as seen at the last heartbeat. */
    public Map<Integer, NodeRecord> members() {
        return membership == null ? Map.of() : membership.members();
    }

    public boolean isMaster() {
        return membership != null && membership.isMaster();
    }

    /** The node id of the master, from the master lease. */
    public Optional<Integer> masterNodeId() {
        return leases().owner(Membership.MASTER).flatMap(Cluster::nodeIdOf);
    }

    /** The job engine of this node (statistics, tests). */
    public JobEngine engine() {
        return require(engine);
    }

    /** Stops taking jobs (running ones finish), then leaves the ring; runs before the storage closes. */
    @Override
    public void close() throws InterruptedException {
        if (halted) {
            return;
        }
        if (engine != null) {
            engine.close();
        }
        if (membership != null) {
            membership.leave();
        }
    }

    /** Stops every cluster thread without cleaning up, as a crashed process would (tests). */
    public void halt() {
        halted = true;
        if (membership != null) {
            membership.halt();
        }
        if (engine != null) {
            engine.halt();
        }
    }

    /** The node id in a lease owner {@code node<id>@<url>#<instance>}. */
    private static Optional<Integer> nodeIdOf(String owner) {
        int at = owner.indexOf('@');
        try {
            return owner.startsWith("node") && at > 4 ? Optional.of(Integer.parseInt(owner.substring(4, at)))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String generateSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static <T> T require(T value) {
        if (value == null) {
            throw new IllegalStateException("The cluster is not connected yet (storage not started)");
        }
        return value;
    }
}
