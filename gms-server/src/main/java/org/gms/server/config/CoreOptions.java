package org.gms.server.config;

import static org.gms.core.config.ReloadPolicy.IMMEDIATE;
import static org.gms.core.config.ReloadPolicy.RESTART;

import java.util.List;
import org.gms.core.config.Option;

/** Options of the node itself: identity, Cassandra, logging verbosity, stop behaviour. */
final class CoreOptions {

    static final List<Option> OPTIONS = List.of(
            Option.integer("server", "node_id", 1, 0, 99, RESTART,
                    "Node identity, unique in the cluster (node level only); used in access codes and service ids."),
            Option.string("server", "web_host", "", RESTART,
                    "Host or address other nodes use to reach this node; empty: this host's address."),
            Option.integer("server", "web_port", 0, 0, 65535, RESTART,
                    "Port other nodes use to reach this node; 0: the HTTP port (jetty.http.port)."),
            Option.oneOf("server", "web_scheme", "http", List.of("http", "https"), RESTART,
                    "Scheme of the node URL web_scheme://web_host:web_port/genesys."),
            Option.string("server", "external_url_base", "", IMMEDIATE,
                    "Public base URL (load balancer) used in URLs handed to clients, e.g. http://lb:8080/."
                            + " Its port must equal the HTTP port, or the node stops at start."),
            Option.string("server", "access_code_prefix", "", IMMEDIATE,
                    "Access-code prefixes of this node, such as 455, 456-458; empty: node_id."),
            Option.integer("server", "cacheSeconds", 0, 0, 31536000, IMMEDIATE,
                    "0: JSON answers are not cached (Cache-Control: no-store); N: max-age=N on GET answers."),

            Option.list("cassandra", "nodes", "", RESTART,
                    "Contact points of the local data center (host or host:port, comma-separated);"
                            + " empty: start an embedded single-node Cassandra."),
            Option.integer("cassandra", "native-port", 9042, 1, 65535, RESTART,
                    "CQL port of the contact points, and of the embedded node."),
            Option.string("cassandra", "keyspace-prefix", "gsg", RESTART,
                    "Keyspaces <prefix> and <prefix>_dd."),
            Option.string("cassandra", "local-dc", "datacenter1", RESTART,
                    "Local data center of the driver's load balancing; no other data center is used."),
            Option.oneOf("cassandra", "consistency", "LOCAL_QUORUM",
                    List.of("ONE", "TWO", "THREE", "QUORUM", "LOCAL_QUORUM", "EACH_QUORUM", "ALL", "LOCAL_ONE"),
                    RESTART, "Consistency level of reads and writes."),
            Option.bool("cassandra", "create-tables", false, RESTART,
                    "External cluster: create missing tables (never keyspaces) at start instead of stopping."),
            Option.bool("cassandra", "secured", false, RESTART, "Connect to Cassandra over TLS."),
            Option.string("cassandra", "truststore", "", RESTART,
                    "Trust store (JKS or PKCS#12) for TLS to Cassandra only; empty: the JVM's default trust."),
            Option.secret("cassandra", "truststore-password", RESTART, "Password of the trust store."),
            Option.string("cassandra", "embedded-data-dir", "data/cassandra", RESTART,
                    "Embedded node: data folder (relative to the installation)."),
            Option.string("cassandra", "embedded-heap", "512m", RESTART, "Embedded node: Java heap size."),
            Option.integer("cassandra", "embedded-storage-port", 7000, 1, 65535, RESTART,
                    "Embedded node: internal storage port on 127.0.0.1."),
            Option.integer("cassandra", "request-timeout", 5000, 100, 120000, RESTART,
                    "Milliseconds before a Cassandra request fails (the client then gets 503)."),
            Option.string("cassandra-authentication-security", "username", "", RESTART,
                    "Cassandra user (PasswordAuthenticator); empty: no authentication."),
            Option.secret("cassandra-authentication-security", "password", RESTART, "Cassandra password."),

            Option.bool("log", "ChatService", false, IMMEDIATE, "Verbose chat engine logging."),
            Option.bool("log", "ClusterService", false, IMMEDIATE, "Verbose cluster and node registry logging."),
            Option.bool("log", "DataDepotService", false, IMMEDIATE, "Verbose storage (Cassandra) logging."),
            Option.bool("log", "DistributedJobExecutor", false, IMMEDIATE, "Verbose distributed job execution logging."),
            Option.bool("log", "DistributedJobQueue", false, IMMEDIATE, "Verbose distributed job queue logging."),
            Option.bool("log", "SharedService", false, IMMEDIATE, "Verbose shared service logging."),

            Option.integer("sml", "suspending-wait-timeout", 10, 5, 600, IMMEDIATE,
                    "Seconds a stopping node stays suspended (OFFLINE) before it stops, so load balancers drain it."));

    private CoreOptions() {
    }
}
