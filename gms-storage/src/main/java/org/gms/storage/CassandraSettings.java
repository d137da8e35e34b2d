package org.gms.storage;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code [cassandra]} and {@code [cassandra-authentication-security]} options. An empty {@code nodes} list means
 * the server runs its own embedded single-node Cassandra.
 */
public record CassandraSettings(
        List<String> nodes,
        int nativePort,
        String keyspacePrefix,
        String localDc,
        String consistency,
        boolean createTables,
        boolean secured,
        Optional<Path> truststore,
        String truststorePassword,
        Path embeddedDataDir,
        String embeddedHeap,
        int embeddedStoragePort,
        int requestTimeoutMillis,
        Optional<String> username,
        String password) {

    public static final String SECTION = "cassandra";
    public static final String AUTH_SECTION = "cassandra-authentication-security";
    public static final int DEFAULT_NATIVE_PORT = 9042;
    public static final String DEFAULT_KEYSPACE_PREFIX = "gsg";
    public static final String DEFAULT_LOCAL_DC = "datacenter1";
    public static final String DEFAULT_CONSISTENCY = "LOCAL_QUORUM";
    public static final String DEFAULT_EMBEDDED_DATA_DIR = "data/cassandra";
    public static final String DEFAULT_EMBEDDED_HEAP = "512m";
    public static final int DEFAULT_EMBEDDED_STORAGE_PORT = 7000;
    public static final int DEFAULT_REQUEST_TIMEOUT_MILLIS = 5000;

    public CassandraSettings {
        nodes = List.copyOf(nodes);
        if (!keyspacePrefix.matches("[A-Za-z][A-Za-z0-9_]{0,44}")) {
            throw new IllegalArgumentException("Wrong value [" + keyspacePrefix + "] for option [cassandra] keyspace-prefix:"
                    + " a letter followed by letters, digits or underscores");
        }
        if (nativePort < 1 || nativePort > 65535) {
            throw new IllegalArgumentException("Wrong value [" + nativePort + "] for option [cassandra] native-port");
        }
    }

    /** Builds the settings from the merged {@code [cassandra]} section, relative paths resolved against {@code home}. */
    public static CassandraSettings from(Map<String, String> cassandra, Map<String, String> authentication, Path home) {
        Options options = new Options(SECTION, cassandra);
        Options auth = new Options(AUTH_SECTION, authentication);
        List<String> nodes = new ArrayList<>();
        for (String node : options.string("nodes", "").split(",")) {
            if (!node.isBlank()) {
                nodes.add(node.trim());
            }
        }
        String truststore = options.string("truststore", "");
        String username = auth.string("username", "");
        return new CassandraSettings(
                nodes,
                options.integer("native-port", DEFAULT_NATIVE_PORT),
                options.string("keyspace-prefix", DEFAULT_KEYSPACE_PREFIX),
                options.string("local-dc", DEFAULT_LOCAL_DC),
                options.string("consistency", DEFAULT_CONSISTENCY),
                options.bool("create-tables", false),
                options.bool("secured", false),
                truststore.isEmpty() ? Optional.empty() : Optional.of(home.resolve(truststore)),
                options.string("truststore-password", ""),
                home.resolve(options.string("embedded-data-dir", DEFAULT_EMBEDDED_DATA_DIR)),
                options.string("embedded-heap", DEFAULT_EMBEDDED_HEAP),
                options.integer("embedded-storage-port", DEFAULT_EMBEDDED_STORAGE_PORT),
                options.integer("request-timeout", DEFAULT_REQUEST_TIMEOUT_MILLIS),
                username.isEmpty() ? Optional.empty() : Optional.of(username),
                auth.string("password", ""));
    }

    public boolean embedded() {
        return nodes.isEmpty();
    }

    public String keyspace() {
        return keyspacePrefix;
    }

    public String dataDepotKeyspace() {
        return keyspacePrefix + "_dd";
    }

    /** Contact points: {@code host} uses {@code native-port}, {@code host:port} its own port. */
    public List<InetSocketAddress> contactPoints() {
        List<InetSocketAddress> points = new ArrayList<>();
        for (String node : nodes) {
            int colon = node.lastIndexOf(':');
            if (colon > 0 && node.indexOf(':') == colon) {
                points.add(InetSocketAddress.createUnresolved(node.substring(0, colon),
                        Integer.parseInt(node.substring(colon + 1))));
            } else {
                points.add(InetSocketAddress.createUnresolved(node, nativePort));
            }
        }
        return points;
    }

    /** Same settings pointing at another contact point, as the embedded node or the test node use. */
    public CassandraSettings withContactPoint(String hostAndPort) {
        return new CassandraSettings(List.of(hostAndPort), nativePort, keyspacePrefix, localDc, consistency, createTables,
                secured, truststore, truststorePassword, embeddedDataDir, embeddedHeap, embeddedStoragePort,
                requestTimeoutMillis, username, password);
    }

    @Override
    public String toString() {
        // the record's generated toString would print the passwords
        return "CassandraSettings[nodes=" + nodes + ", nativePort=" + nativePort + ", keyspacePrefix=" + keyspacePrefix
                + ", localDc=" + localDc + ", consistency=" + consistency + ", createTables=" + createTables
                + ", secured=" + secured + ", embedded=" + embedded() + "]";
    }
}
