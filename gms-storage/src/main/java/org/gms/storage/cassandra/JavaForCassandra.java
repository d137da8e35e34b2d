package org.gms.storage.cassandra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a Java 17 runtime for the Cassandra child JVM: Cassandra 5.0 runs on 11 and 17 only, while the server itself
 * may run on a newer JDK.
 */
final class JavaForCassandra {

    static final String ENV = "CASSANDRA_JAVA_HOME";
    private static final Path DEBIAN_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");

    private JavaForCassandra() {
    }

    static Path find() {
        List<Path> candidates = new ArrayList<>();
        String fromEnv = System.getenv(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            candidates.add(Path.of(fromEnv));
        }
        if ("17".equals(System.getProperty("java.specification.version"))) {
            candidates.add(Path.of(System.getProperty("java.home")));
        }
        candidates.add(DEBIAN_17);
        for (Path home : candidates) {
            Path java = home.resolve("bin").resolve("java");
            if (Files.isExecutable(java)) {
                return java;
            }
        }
        throw new IllegalStateException("No Java 17 runtime found for the embedded Cassandra node (looked in "
                + candidates + "). Install one (Debian: apt-get install openjdk-17-jdk-headless) or set " + ENV
                + ", or configure an external cluster in [cassandra] nodes.");
    }
}
