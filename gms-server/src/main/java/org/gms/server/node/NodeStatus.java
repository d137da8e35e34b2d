package org.gms.server.node;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.gms.core.error.BadRequestException;
import org.gms.storage.StorageHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node serves: ONLINE unless an operator (or a stopping server) suspended it, or Cassandra cannot be
 * reached. Load balancers read it through {@code GET /genesys/1/node}.
 */
public final class NodeStatus {

    public enum State { ONLINE, OFFLINE }

    private static final Logger LOG = LoggerFactory.getLogger(NodeStatus.class);

    private final StorageHealth storage;
    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean suspended;

    public NodeStatus(StorageHealth storage) {
        this.storage = storage;
    }

    public State state() {
        return !suspended && storage.isAvailable() ? State.ONLINE : State.OFFLINE;
    }

    public boolean isSuspended() {
        return suspended;
    }

    /** OFFLINE: load balancers drain the node; it keeps running and answering. */
    public void suspend() {
        change(true);
    }

    public void resume() {
        change(false);
    }

    /** The state an operator names, {@code ONLINE} or {@code OFFLINE}; 400 for any other word. */
    public static State parse(String target) {
        for (State state : State.values()) {
            if (state.name().equals(target)) {
                return state;
            }
        }
        throw new BadRequestException("Unknown node status [" + target + "]: use ONLINE or OFFLINE");
    }

    /** Suspends (OFFLINE) or resumes (ONLINE) the node; answers the state it is in then. */
    public State request(State target) {
        change(target == State.OFFLINE);
        return state();
    }

    /** Tells a component (job engine, registry) when the node is suspended or resumed. */
    public void onChange(Consumer<State> listener) {
        listeners.add(listener);
    }

    private void change(boolean suspend) {
        if (suspended == suspend) {
            return;
        }
        suspended = suspend;
        State requested = suspend ? State.OFFLINE : State.ONLINE;
        LOG.info("Node {} by request", suspend ? "suspended (OFFLINE)" : "resumed (ONLINE)");
        for (Consumer<State> listener : listeners) {
            try {
                listener.accept(requested);
            } catch (RuntimeException e) {
                LOG.error("A node status listener failed: {}", e.toString(), e);
            }
        }
    }
}
