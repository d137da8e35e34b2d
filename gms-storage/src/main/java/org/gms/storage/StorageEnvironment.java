package org.gms.storage;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the process keeps things, as opposed to what the operator configures.
 *
 * @param cassandraLib   the embedded node's jars
 * @param logDir         log folder (the embedded node logs there too)
 * @param disposable     test mode for the embedded node (no durability, killed on stop)
 * @param schemaDebounce the driver's schema-refresh window (100 ms for servers; tests use a few milliseconds)
 */
public record StorageEnvironment(Path cassandraLib, Path logDir, boolean disposable, Duration schemaDebounce) {

    /** System property naming the folder of the embedded node's jars; set by scripts/gms and the build. */
    public static final String CASSANDRA_LIB_PROPERTY = "gms.cassandra.lib";

    public static StorageEnvironment forServer(Path home, Path logDir) {
        String lib = System.getProperty(CASSANDRA_LIB_PROPERTY);
        Path cassandraLib = lib == null || lib.isBlank() ? home.resolve("cassandra-node/target/lib") : Path.of(lib);
        // a short schema window keeps the first start (which creates every table) fast; DDL only runs at start
        return new StorageEnvironment(cassandraLib, logDir, false, Duration.ofMillis(100));
    }
}
