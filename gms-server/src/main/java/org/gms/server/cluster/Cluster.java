package org.gms.server.cluster;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.gms.core.error.ServiceUnavailableException;
import org.gms.core.feature.Feature;
import org.gms.core.feature.Routes;
import org.gms.core.http.Responses;
import org.gms.server.node.NodeStatus;
import org.gms.storage.cassandra.CassandraStorage;
import org.gms.storage.cassandra.Cql;
import org.gms.storage.cluster.ClusterInfoDao;
import org.gms.storage.cluster.NodeRecord;
import org.gms.storage.cluster.NodeRegistry;
import org.gms.storage.cluster.NodeRegistryDao;
import org.gms.storage.cluster.job.JobEngine;
import org.gms.storage.cluster.job.JobHandler;
import org.gms.storage.cluster.job.JobScheduler;
import org.gms.storage.cluster.lease.CassandraLeaseService;
import org.gms.storage.cluster.lease.LeaseService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's membership of the cluster: identity checks, registry heartbeat, master lease, the job engine and the
 * internal API ({@code /1/admin/nodes}, {@code /1/internal/*}). Its start checks the cluster name, settles the shared
 * secret and builds the DAOs; {@link #join} enters the ring once the server listens. It is the job scheduler of the
 * other features: they register handlers when they are built and schedule jobs once started.
 */
public final class Cluster extends Feature implements JobScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(Cluster.class);

    private final ClusterSettings settings;
    private final int nodeId;
    private final Clock clock;
    private final NodeStatus status;
    private final CassandraStorage storage;
    private final Responses responses;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final InternalEndpoints internal = new InternalEndpoints();
    private final Map<String, JobHandler> handlers = new ConcurrentHashMap<>();
    private final NodeStatusRelay relay;
    // built in doStart; the lifecycle state (volatile) publishes them to every caller that saw the feature started
    private String secret;
    private String dataCenter;
    private LeaseService leases;
    private NodeRegistry registry;
    private volatile JobEngine engine;
    private volatile Membership membership;
    private volatile boolean halted;

    public Cluster(ClusterSettings settings, int nodeId, Clock clock, NodeStatus status, CassandraStorage storage,
                   Responses responses) {
        super("cluster service");
        this.settings = settings;
        this.nodeId = nodeId;
        this.clock = clock;
        this.status = status;
        this.storage = storage;
        this.responses = responses;
        internal.register("ping", request -> Map.of("status", status.state().name()));
        relay = new NodeStatusRelay(this, nodeId, status);
        status.onChange(this::statusChanged);
    }

    @Override
    public void mount(Routes routes) {
        routes.servlet("/1/admin/nodes/*", new AdminNodesServlet(responses, this, relay));
        routes.servlet("/1/internal/*", new InternalServlet(responses, this));
    }

    /** Checks the cluster name, settles the shared secret and builds the DAOs; refuses a foreign keyspace. */
    @Override
    protected void doStart() throws Exception {
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
        handlers.forEach(engine::register);
        super.doStart();
    }

    /** Claims the node id, enters the ring and starts taking jobs; fails when another live node has this id. */
    public void join(URI nodeUrl, String version) {
        String owner = "node" + nodeId + "@" + nodeUrl + "#" + instance;
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
    private void statusChanged(NodeStatus.State requested) {
        Membership current = membership;
        if (current == null) {
            return;
        }
        if (requested == NodeStatus.State.OFFLINE) {
            engine.pause();
        } else {
            engine.resume();
        }
        current.beat();
    }

    /** Job handlers may be registered at any time, best while the features are built. */
    @Override
    public void register(String type, JobHandler handler) {
        handlers.put(type, handler);
        JobEngine current = engine;
        if (current != null) {
            current.register(type, handler);
        }
    }

    @Override
    public CompletionStage<Void> scheduleAsync(String type, String jobId, Instant due, String payload) {
        if (!isStarted()) {
            throw new ServiceUnavailableException("The " + name() + " is not started");
        }
        return engine.scheduleAsync(type, jobId, due, payload);
    }

    /** The job scheduler of this node (the cluster itself). */
    public JobScheduler jobs() {
        return this;
    }

    public LeaseService leases() {
        return leases;
    }

    public InternalEndpoints internal() {
        return internal;
    }

    /** A client for the internal API of other nodes. */
    public InternalClient client() {
        return new InternalClient(secret);
    }

    String secret() {
        return secret;
    }

    public NodeRegistry registry() {
        return registry;
    }

    /** The ring as seen at the last heartbeat. */
    public Map<Integer, NodeRecord> members() {
        Membership current = membership;
        return current == null ? Map.of() : current.members();
    }

    public boolean isMaster() {
        Membership current = membership;
        return current != null && current.isMaster();
    }

    /** The node id of the master, from the master lease. */
    public Optional<Integer> masterNodeId() {
        return leases.owner(Membership.MASTER).flatMap(Cluster::nodeIdOf);
    }

    /** The job engine of this node (statistics, tests). */
    public JobEngine engine() {
        return engine;
    }

    /** Stops taking jobs (running ones finish), then leaves the ring; runs before the storage closes. */
    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (halted || engine == null) {
            return;
        }
        engine.close();
        Membership current = membership;
        membership = null;
        if (current != null) {
            current.leave();
        }
    }

    /** Stops every cluster thread without cleaning up, as a crashed process would (tests). */
    public void halt() {
        halted = true;
        Membership current = membership;
        if (current != null) {
            current.halt();
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
}
