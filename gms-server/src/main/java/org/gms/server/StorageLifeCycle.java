package org.gms.server;

import java.util.List;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gms.storage.cassandra.CassandraStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the storage before the servlets and connectors, and stops it after them. */
final class StorageLifeCycle extends AbstractLifeCycle {

    private static final Logger LOG = LoggerFactory.getLogger(StorageLifeCycle.class);

    private final CassandraStorage storage;
    private final List<Runnable> readyActions;
    private final List<AutoCloseable> closeables;

    StorageLifeCycle(CassandraStorage storage, List<Runnable> readyActions, List<AutoCloseable> closeables) {
        this.storage = storage;
        this.readyActions = readyActions;
        this.closeables = closeables;
    }

    @Override
    protected void doStart() {
        storage.start();
        readyActions.forEach(Runnable::run);
    }

    @Override
    protected void doStop() {
        for (int index = closeables.size() - 1; index >= 0; index--) {
            try {
                closeables.get(index).close();
            } catch (Exception e) {
                LOG.warn("Error while stopping {}: {}", closeables.get(index), e.toString());
            }
        }
        storage.close();
    }
}
