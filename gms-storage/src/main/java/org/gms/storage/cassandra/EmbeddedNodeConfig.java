package org.gms.storage.cassandra;

import java.nio.file.Path;

/**
 * What an embedded Cassandra node needs: where its data, jars and logs live, its ports and heap.
 *
 * @param dataDir    data, commit log, caches and the node's generated configuration
 * @param libDir     Cassandra's jars (copied by the build into {@code cassandra-node/target/lib})
 * @param logDir     where the node's own log files go
 * @param nativePort CQL port on 127.0.0.1
 * @param storagePort inter-node port on 127.0.0.1 (only this node listens on it)
 * @param heap       {@code -Xmx}/{@code -Xms} value such as {@code 512m}
 * @param disposable test mode: no durability on system tables, no snapshots, killed on stop
 */
public record EmbeddedNodeConfig(Path dataDir, Path libDir, Path logDir, int nativePort, int storagePort, String heap,
                                 boolean disposable) {

    public EmbeddedNodeConfig {
        if (!heap.matches("[0-9]+[kKmMgG]")) {
            throw new IllegalArgumentException("Wrong value [" + heap + "] for option [cassandra] embedded-heap:"
                    + " a size such as 512m or 1g");
        }
        dataDir = dataDir.toAbsolutePath().normalize();
        libDir = libDir.toAbsolutePath().normalize();
        logDir = logDir.toAbsolutePath().normalize();
    }
}
