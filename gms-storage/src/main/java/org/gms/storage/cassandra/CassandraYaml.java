package org.gms.storage.cassandra;

import java.nio.file.Path;

/** Renders the minimal {@code cassandra.yaml} of a single loopback node (Cassandra 5.0). */
final class CassandraYaml {

    private CassandraYaml() {
    }

    /** The group commit window of a server's embedded node. */
    static final int GROUP_WINDOW_MILLIS = 5;

    static String render(EmbeddedNodeConfig config) {
        Path data = config.dataDir();
        return String.join("\n",
                "cluster_name: 'GMS embedded'",
                "num_tokens: 1",
                "initial_token: 0",
                "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
                // a server's node acknowledges a write once its commit log is on disk, the writes of a few
                // milliseconds sharing one sync (group commit); a disposable test node syncs every 10 s
                config.disposable() ? "commitlog_sync: periodic" : "commitlog_sync: group",
                config.disposable() ? "commitlog_sync_period: 10000ms" : "commitlog_sync_group_window: "
                        + GROUP_WINDOW_MILLIS + "ms",
                "commitlog_segment_size: 8MiB",
                "commitlog_total_space: 128MiB",
                "endpoint_snitch: SimpleSnitch",
                "seed_provider:",
                "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
                "    parameters:",
                "      - seeds: \"127.0.0.1:" + config.storagePort() + "\"",
                "listen_address: 127.0.0.1",
                "rpc_address: 127.0.0.1",
                "storage_port: " + config.storagePort(),
                "native_transport_port: " + config.nativePort(),
                "start_native_transport: true",
                "data_file_directories:",
                "  - " + quoted(data.resolve("data")),
                "commitlog_directory: " + quoted(data.resolve("commitlog")),
                "saved_caches_directory: " + quoted(data.resolve("saved_caches")),
                "hints_directory: " + quoted(data.resolve("hints")),
                "cdc_raw_directory: " + quoted(data.resolve("cdc_raw")),
                "disk_access_mode: mmap_index_only",
                "memtable_heap_space: 64MiB",
                "memtable_offheap_space: 64MiB",
                "concurrent_reads: 8",
                "concurrent_writes: 8",
                "concurrent_counter_writes: 8",
                "concurrent_compactors: 1",
                "storage_compatibility_mode: NONE",
                // lightweight transactions (job leases, capacity seats, callback changes) in two round trips, not four
                "paxos_variant: v2",
                "auto_snapshot: " + !config.disposable(),
                "authenticator: AllowAllAuthenticator",
                "authorizer: AllowAllAuthorizer",
                "");
    }

    private static String quoted(Path path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }
}
