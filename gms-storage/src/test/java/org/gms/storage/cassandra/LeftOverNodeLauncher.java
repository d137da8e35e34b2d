package org.gms.storage.cassandra;

import java.nio.file.Path;

/**
 * Starts an embedded node and then waits forever: a stand-in for a server process, which the test kills with SIGKILL
 * so that its Cassandra child is left over, as after a crash.
 */
public final class LeftOverNodeLauncher {

    private LeftOverNodeLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedNodeConfig config = new EmbeddedNodeConfig(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]),
                Integer.parseInt(args[3]), Integer.parseInt(args[4]), "256m", true);
        new EmbeddedCassandra(config).start();
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();
    }
}
