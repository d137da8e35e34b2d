package org.gms.server;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.gms.core.http.Responses;
import org.gms.server.cluster.Cluster;
import org.gms.server.config.ConfigHolder;
import org.gms.server.node.NodeStatus;
import org.gms.storage.cassandra.CassandraStorage;

/** What a {@link Feature} gets to install itself: configuration, storage, node status and the servlet context. */
public final class ServerContext {

    private final ConfigHolder config;
    private final CassandraStorage storage;
    private final NodeStatus nodeStatus;
    private final Responses responses;
    private final Clock clock;
    private final ServletContextHandler servlets;
    private final Cluster cluster;
    private final List<Runnable> storageReady = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    ServerContext(ConfigHolder config, CassandraStorage storage, NodeStatus nodeStatus, Responses responses, Clock clock,
                  ServletContextHandler servlets, Cluster cluster) {
        this.config = config;
        this.storage = storage;
        this.nodeStatus = nodeStatus;
        this.responses = responses;
        this.clock = clock;
        this.servlets = servlets;
        this.cluster = cluster;
    }

    public ConfigHolder config() {
        return config;
    }

    /** The storage; its statements may be used once it is ready (see {@link #onStorageReady}). */
    public CassandraStorage storage() {
        return storage;
    }

    public NodeStatus nodeStatus() {
        return nodeStatus;
    }

    public Responses responses() {
        return responses;
    }

    public Clock clock() {
        return clock;
    }

    /** The cluster: job scheduler (register handlers at install), leases, internal API, ring members. */
    public Cluster cluster() {
        return cluster;
    }

    /** Maps a servlet under {@code /genesys}, e.g. {@code /1/storage/*}. */
    public void addServlet(String pathSpec, HttpServlet servlet) {
        servlets.addServlet(new ServletHolder(servlet), pathSpec);
    }

    /** Maps a servlet that reads {@code multipart/form-data} bodies within the given limits. */
    public void addServlet(String pathSpec, HttpServlet servlet, MultipartConfigElement multipart) {
        ServletHolder holder = new ServletHolder(servlet);
        holder.getRegistration().setMultipartConfig(multipart);
        servlets.addServlet(holder, pathSpec);
    }

    /** Runs once the storage is connected and its schema checked, before the server accepts requests. */
    public void onStorageReady(Runnable action) {
        storageReady.add(action);
    }

    /** Closed when the server stops, in reverse order of registration. */
    public void closeOnStop(AutoCloseable closeable) {
        closeables.add(closeable);
    }

    List<Runnable> storageReadyActions() {
        return storageReady;
    }

    List<AutoCloseable> closeables() {
        return closeables;
    }
}
