package org.gms.core.feature;

import org.eclipse.jetty.util.component.ContainerLifeCycle;

/**
 * One capability of the server (storage API, services, notifications, ...), as a Jetty lifecycle bean. The server
 * builds every feature first and {@link #mount mounts} its servlets; then it starts the storage, then the features in
 * order, each building its repositories and engines in {@code doStart}, and stops them in reverse order. A request
 * that reaches a feature's servlets while the feature is not started is answered 503 with the GMS body, by the
 * server, before any servlet runs: servlets may rely on what {@code doStart} built.
 */
public abstract class Feature extends ContainerLifeCycle {

    private final String name;

    /** {@code name}: how the 503 answer names it, e.g. {@code "notification service"}. */
    protected Feature(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Mounts the feature's servlets; called once while the server is built, before anything starts. */
    public abstract void mount(Routes routes);

    @Override
    public String toString() {
        return name;
    }
}
