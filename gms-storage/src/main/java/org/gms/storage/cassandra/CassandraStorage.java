package org.gms.storage.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.component.LifeCycle;
import org.gms.storage.CassandraSettings;
import org.gms.storage.StorageEnvironment;
import org.gms.storage.StorageHealth;
import org.gms.storage.cassandra.schema.SchemaManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage of one process, as a lifecycle bean that the server starts before any feature and stops after them:
 * the embedded node when no cluster is configured, the session, the schema check and a health probe. After start a
 * lost Cassandra only makes requests fail with 503; the driver reconnects by itself.
 */
public final class CassandraStorage extends AbstractLifeCycle implements StorageHealth, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CassandraStorage.class);
    private static final Duration PROBE_PERIOD = Duration.ofSeconds(2);
    private static final SimpleStatement PROBE = SimpleStatement.newInstance("SELECT release_version FROM system.local")
            .setTimeout(Duration.ofSeconds(2));

    private final CassandraSettings settings;
    private final StorageEnvironment environment;
    private EmbeddedCassandra embedded;
    private CqlSession session;
    private Cql cql;
    private ScheduledExecutorService prober;
    private volatile boolean available;

    public CassandraStorage(CassandraSettings settings, StorageEnvironment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    protected synchronized void doStart() {
        CassandraSettings effective = settings;
        if (settings.embedded()) {
            embedded = new EmbeddedCassandra(new EmbeddedNodeConfig(settings.embeddedDataDir(), environment.cassandraLib(),
                    environment.logDir(), settings.nativePort(), settings.embeddedStoragePort(), settings.embeddedHeap(),
                    environment.disposable()));
            embedded.start();
            effective = settings.withContactPoint("127.0.0.1:" + settings.nativePort());
        }
        try {
            long connecting = System.nanoTime();
            session = SessionFactory.connect(effective, environment.schemaDebounce());
            long checking = System.nanoTime();
            SchemaManager schema = new SchemaManager(session, settings);
            if (settings.embedded()) {
                schema.createAll();
            } else {
                schema.verify();
            }
            LOG.info("Connected to Cassandra in {} ms, schema checked in {} ms",
                    (checking - connecting) / 1_000_000, (System.nanoTime() - checking) / 1_000_000);
        } catch (RuntimeException e) {
            release();
            throw e;
        }
        cql = new Cql(session);
        available = true;
        prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cassandra-health");
            thread.setDaemon(true);
            return thread;
        });
        prober.scheduleWithFixedDelay(this::probe, PROBE_PERIOD.toMillis(), PROBE_PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info("Storage ready: {} (keyspaces {} and {})", settings.embedded() ? "embedded node" : settings.nodes(),
                settings.keyspace(), settings.dataDepotKeyspace());
    }

    /** The statement runner every DAO uses. */
    public Cql cql() {
        if (cql == null) {
            throw new IllegalStateException("Storage is not started");
        }
        return cql;
    }

    /** The embedded node, when this storage runs one (tests stop and restart it to simulate an outage). */
    EmbeddedCassandra embeddedNode() {
        return embedded;
    }

    public CassandraSettings settings() {
        return settings;
    }

    @Override
    public boolean isAvailable() {
        return available;
    }

    /** Checks now instead of waiting for the next probe. */
    public boolean probe() {
        boolean now;
        try {
            now = session.execute(PROBE).one() != null;
        } catch (RuntimeException e) {
            now = false;
            if (available) {
                LOG.warn("Cassandra is unreachable, answering 503 until it returns: {}", e.getMessage());
            }
        }
        if (now && !available) {
            LOG.info("Cassandra is reachable again");
        }
        available = now;
        return now;
    }

    @Override
    protected void doStop() {
        release();
    }

    /** Stops it, for code that owns a storage outside a server (tools, tests). */
    @Override
    public void close() {
        LifeCycle.stop(this);
    }

    private synchronized void release() {
        available = false;
        if (prober != null) {
            prober.shutdownNow();
            prober = null;
        }
        if (session != null) {
            session.close();
            session = null;
        }
        cql = null;
        if (embedded != null) {
            embedded.stop();
            embedded = null;
        }
    }
}
