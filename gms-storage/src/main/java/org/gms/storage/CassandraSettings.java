package org.gms.storage;

import static org.gms.core.config.ReloadPolicy.RESTART;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gms.core.config.ConfigView;
import org.gms.core.config.Option;

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

    public static final List<Option> OPTIONS = List.of(
            Option.list(SECTION, "nodes", "", RESTART,
                    "Contact points of the local data center (host or host:port, comma-separated);"
                            + " empty: start an embedded single-node Cassandra."),
            Option.integer(SECTION, "native-port", DEFAULT_NATIVE_PORT, 1, 65535, RESTART,
                    "CQL port of the contact points, and of the embedded node."),
            Option.string(SECTION, "keyspace-prefix", DEFAULT_KEYSPACE_PREFIX, RESTART,
                    "Keyspaces <prefix> and <prefix>_dd."),
            Option.string(SECTION, "local-dc", "datacenter1", RESTART,
                    "Local data center of the driver's load balancing; no other data center is used."),
            Option.oneOf(SECTION, "consistency", "LOCAL_QUORUM",
                    List.of("ONE", "TWO", "THREE", "QUORUM", "LOCAL_QUORUM", "EACH_QUORUM", "ALL", "LOCAL_ONE"),
                    RESTART, "Consistency level of reads and writes."),
            Option.bool(SECTION, "create-tables", false, RESTART,
                    "External cluster: create missing tables (never keyspaces) at start instead of stopping."),
            Option.bool(SECTION, "secured", false, RESTART, "Connect to Cassandra over TLS."),
            Option.string(SECTION, "truststore", "", RESTART,
                    "Trust store (JKS or PKCS#12) for TLS to Cassandra only; empty: the JVM's default trust."),
            Option.secret(SECTION, "truststore-password", RESTART, "Password of the trust store."),
            Option.string(SECTION, "embedded-data-dir", "data/cassandra", RESTART,
                    "Embedded node: data folder (relative to the installation)."),
            Option.string(SECTION, "embedded-heap", "512m", RESTART, "Embedded node: Java heap size."),
            Option.integer(SECTION, "embedded-storage-port", 7000, 1, 65535, RESTART,
                    "Embedded node: internal storage port on 127.0.0.1."),
            Option.integer(SECTION, "request-timeout", 5000, 100, 120000, RESTART,
                    "Milliseconds before a Cassandra request fails (the client then gets 503)."),
            Option.string(AUTH_SECTION, "username", "", RESTART,
                    "Cassandra user (PasswordAuthenticator); empty: no authentication."),
            Option.secret(AUTH_SECTION, "password", RESTART, "Cassandra password."));

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

    /** The settings of a configuration snapshot, relative paths resolved against its installation folder. */
    public static CassandraSettings from(ConfigView config) {
        String truststore = config.value(SECTION, "truststore");
        String username = config.value(AUTH_SECTION, "username");
        Path home = config.home();
        return new CassandraSettings(
                config.listValue(SECTION, "nodes"),
                config.intValue(SECTION, "native-port"),
                config.value(SECTION, "keyspace-prefix"),
                config.value(SECTION, "local-dc"),
                config.value(SECTION, "consistency"),
                config.boolValue(SECTION, "create-tables"),
                config.boolValue(SECTION, "secured"),
                truststore.isEmpty() ? Optional.empty() : Optional.of(home.resolve(truststore)),
                config.secret(SECTION, "truststore-password"),
                home.resolve(config.value(SECTION, "embedded-data-dir")),
                config.value(SECTION, "embedded-heap"),
                config.intValue(SECTION, "embedded-storage-port"),
                config.intValue(SECTION, "request-timeout"),
                username.isEmpty() ? Optional.empty() : Optional.of(username),
                config.secret(AUTH_SECTION, "password"));
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
