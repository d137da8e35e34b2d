package org.gms.storage.test;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.querybuilder.SchemaBuilder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.gms.storage.cassandra.schema.GmsSchema;
import org.gms.storage.cassandra.schema.KeyspaceKind;
import org.gms.storage.cassandra.schema.TableDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pairs of keyspaces, {@code <prefix>} and {@code <prefix>_dd}, with every table of the schema, for test classes
 * that must not share data. A pair takes a second or more of DDL while tests run, so a few are kept ready: a class
 * takes one at once and the next is made in the background, where the drops of finished pairs run too.
 */
final class KeyspacePairs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KeyspacePairs.class);

    /** One per test class running at once; few, since the spares are left unused when the JVM ends. */
    private static final int SPARES = 2;

    private final AtomicInteger made = new AtomicInteger();
    private final BlockingQueue<String> ready = new LinkedBlockingQueue<>();
    /** Spare pairs ready or being made. */
    private final AtomicInteger spares = new AtomicInteger();
    private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "test-keyspaces");
        thread.setDaemon(true);
        return thread;
    });
    private final CqlSession ddl;

    /**
     * The DDL goes through a session of its own without schema metadata and token map: refreshing the metadata after
     * every statement would make a pair cost about three times as much.
     */
    KeyspacePairs(int nativePort, String localDc) {
        ddl = CqlSession.builder()
                .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        .withString(DefaultDriverOption.SESSION_NAME, "test-ddl")
                        .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
                        .withBoolean(DefaultDriverOption.METADATA_TOKEN_MAP_ENABLED, false)
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                        .build())
                .addContactPoint(new InetSocketAddress("127.0.0.1", nativePort))
                .withLocalDatacenter(localDc)
                .build();
    }

    /** A pair nobody has used: a spare one when one is ready, else one made now. */
    String take() {
        String prefix = ready.poll();
        if (prefix != null) {
            spares.decrementAndGet();
        } else {
            prefix = create();
        }
        for (int count = spares.get(); count < SPARES; count = spares.get()) {
            if (spares.compareAndSet(count, count + 1)) {
                background.execute(this::makeSpare);
            }
        }
        return prefix;
    }

    /** Drops a pair without waiting: each table holds about half a megabyte of the node's heap. */
    void dropLater(String prefix) {
        background.execute(() -> {
            try {
                ddl.execute(SchemaBuilder.dropKeyspace(keyspace(prefix, KeyspaceKind.DATA_DEPOT)).ifExists().build());
                ddl.execute(SchemaBuilder.dropKeyspace(keyspace(prefix, KeyspaceKind.MAIN)).ifExists().build());
            } catch (RuntimeException e) {
                // left behind, it only costs memory until the node stops with the JVM
                LOG.warn("Keyspaces {} and {}_dd not dropped: {}", prefix, prefix, e.toString());
            }
        });
    }

    @Override
    public void close() {
        background.shutdownNow();
        ddl.close();
    }

    private void makeSpare() {
        try {
            ready.add(create());
        } catch (RuntimeException e) {
            // the next class makes its pair itself, and meets the failure there if it lasts
            spares.decrementAndGet();
            LOG.warn("No spare keyspace pair: {}", e.toString());
        }
    }

    private String create() {
        String random = UUID.randomUUID().toString().replace("-", "").substring(0, 6).toLowerCase(Locale.ROOT);
        String prefix = "t" + made.incrementAndGet() + "_" + random;
        for (KeyspaceKind kind : KeyspaceKind.values()) {
            ddl.execute(SchemaBuilder.createKeyspace(keyspace(prefix, kind)).withSimpleStrategy(1)
                    .withDurableWrites(true).build());
        }
        for (TableDefinition table : GmsSchema.tables()) {
            ddl.execute(table.cql(keyspace(prefix, table.kind())));
        }
        return prefix;
    }

    private static String keyspace(String prefix, KeyspaceKind kind) {
        return kind == KeyspaceKind.MAIN ? prefix : prefix + "_dd";
    }
}
