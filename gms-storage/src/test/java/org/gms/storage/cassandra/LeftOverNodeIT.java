package org.gms.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gms.storage.test.TestCassandra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node left running by a crashed server is stopped before a new one starts on the same files. */
class LeftOverNodeIT {

    @TempDir
    Path home;

    @Test
    void should_stop_the_left_over_node_when_a_server_crashed_and_a_new_one_starts() throws Exception {
        Path data = home.resolve("data");
        Path lib = TestCassandra.get().environment().cassandraLib();
        int nativePort = freePort();
        int storagePort = freePort();
        Process crashing = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LeftOverNodeLauncher.class.getName(),
                data.toString(), lib.toString(), home.resolve("logs").toString(),
                Integer.toString(nativePort), Integer.toString(storagePort)))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(crashing.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("READY"));
            assertThat(line).as("the first server started its node").isEqualTo("READY");
        }
        long leftOverPid = Long.parseLong(Files.readString(data.resolve("cassandra.pid")).trim());
        // a session leader of its own: a Ctrl-C in the server's terminal does not reach the node
        assertThat(sessionOf(leftOverPid)).isEqualTo(leftOverPid).isNotEqualTo(sessionOf(crashing.pid()));
        crashing.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(leftOverPid)).hasValueSatisfying(node -> assertThat(node.isAlive()).isTrue());

        try (EmbeddedCassandra next = new EmbeddedCassandra(new EmbeddedNodeConfig(data, lib, home.resolve("logs"),
                nativePort, storagePort, "256m", true))) {
            next.start();
            assertThat(next.isRunning()).isTrue();
            assertThat(ProcessHandle.of(leftOverPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(Long.parseLong(Files.readString(data.resolve("cassandra.pid")).trim())).isNotEqualTo(leftOverPid);
        }
    }

    /** Field 6 of /proc/PID/stat, counted after the parenthesised command name (which may hold spaces). */
    private static long sessionOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[3]);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
