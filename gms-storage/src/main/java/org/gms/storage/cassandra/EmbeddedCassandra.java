package org.gms.storage.cassandra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Cassandra node as a child JVM on loopback, in a session of its own so that terminal signals reach only the
 * server, which stops the node. The data folder is locked for the life of this object so that
 * two servers never start two nodes on the same files; a node left over by a crashed server (its pid file names a live
 * Cassandra process) is stopped before a new one starts.
 */
public final class EmbeddedCassandra implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCassandra.class);
    private static final String MAIN_CLASS = "org.apache.cassandra.service.CassandraDaemon";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(45);
    /** util-linux setsid: without --fork it execs in place, so the child's pid stays the Cassandra JVM's pid. */
    private static final Optional<Path> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid").map(Path::of)
            .filter(Files::isExecutable).findFirst();

    private final EmbeddedNodeConfig config;
    private FileChannel lockChannel;
    private FileLock lock;
    private Process process;

    public EmbeddedCassandra(EmbeddedNodeConfig config) {
        this.config = config;
    }

    /** Starts the node and returns once its CQL port accepts connections. */
    public synchronized void start() {
        if (process != null) {
            return;
        }
        List<String> command = command(JavaForCassandra.find(), checkLibraries());
        try {
            Files.createDirectories(config.dataDir());
            Files.createDirectories(config.logDir());
            lockDataDir();
            stopLeftOver();
            requireFreePort(config.nativePort(), "[cassandra] native-port");
            requireFreePort(config.storagePort(), "[cassandra] embedded-storage-port");
            Path conf = Files.createDirectories(config.dataDir().resolve("conf"));
            Files.writeString(conf.resolve("cassandra.yaml"), CassandraYaml.render(config));
            Files.writeString(conf.resolve("logback.xml"), CassandraLogback.render(config.logDir()));
            Path console = config.logDir().resolve("cassandra-console.log");
            LOG.info("Starting embedded Cassandra node: data in {}, CQL on 127.0.0.1:{}", config.dataDir(),
                    config.nativePort());
            process = new ProcessBuilder(command)
                    .directory(config.dataDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
                    .start();
            Files.writeString(pidFile(), Long.toString(process.pid()));
        } catch (IOException e) {
            releaseLock();
            throw new UncheckedIOException("Cannot start the embedded Cassandra node: " + e.getMessage(), e);
        }
        awaitReady();
    }

    public int nativePort() {
        return config.nativePort();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the node: SIGTERM, then SIGKILL after a timeout (at once for disposable test nodes). */
    public synchronized void stop() {
        if (process != null) {
            terminate(process.toHandle(), config.disposable() ? Duration.ZERO : STOP_TIMEOUT);
            process = null;
            try {
                Files.deleteIfExists(pidFile());
            } catch (IOException e) {
                LOG.warn("Cannot delete {}: {}", pidFile(), e.getMessage());
            }
        }
        releaseLock();
    }

    @Override
    public void close() {
        stop();
    }

    private List<String> command(Path java, Path libDir) {
        Path conf = config.dataDir().resolve("conf");
        List<String> command = new ArrayList<>();
        // its own session and process group: Ctrl-C in the terminal of `scripts/gms run` signals the server only,
        // which drains (leases, ring) while storage is still up, then stops this node itself
        if (SETSID.isPresent()) {
            command.add(SETSID.get().toString());
        } else {
            LOG.warn("No setsid command: the embedded Cassandra node shares the server's process group, so a Ctrl-C"
                    + " in its terminal stops the node before the server has drained");
        }
        command.add(java.toString());
        command.addAll(List.of("-ea", "-Xss256k", "-XX:+UseG1GC", "-Xms" + config.heap(), "-Xmx" + config.heap(),
                "-XX:MaxDirectMemorySize=256m", "-XX:+ExitOnOutOfMemoryError", "-Djava.net.preferIPv4Stack=true",
                "-Djdk.attach.allowAttachSelf=true", "-Dio.netty.tryReflectionSetAccessible=true"));
        for (String export : List.of("java.base/jdk.internal.misc", "java.management.rmi/com.sun.jmx.remote.internal.rmi",
                "java.rmi/sun.rmi.registry", "java.rmi/sun.rmi.server", "java.sql/java.sql", "java.base/java.lang.ref",
                "jdk.unsupported/sun.misc", "jdk.compiler/com.sun.tools.javac.file", "jdk.attach/sun.tools.attach")) {
            command.add("--add-exports");
            command.add(export + "=ALL-UNNAMED");
        }
        for (String open : List.of("java.base/java.lang.module", "java.base/jdk.internal.loader",
                "java.base/jdk.internal.ref", "java.base/jdk.internal.reflect", "java.base/jdk.internal.math",
                "java.base/jdk.internal.module", "java.base/jdk.internal.util.jar", "java.base/sun.nio.ch",
                "java.base/java.io", "java.base/java.lang.reflect", "java.base/java.lang", "java.base/java.util",
                "jdk.management/com.sun.management.internal", "jdk.compiler/com.sun.tools.javac")) {
            command.add("--add-opens");
            command.add(open + "=ALL-UNNAMED");
        }
        command.add("-Dcassandra.config=" + conf.resolve("cassandra.yaml").toUri());
        command.add("-Dlogback.configurationFile=" + conf.resolve("logback.xml"));
        command.add("-Dcassandra.storagedir=" + config.dataDir().resolve("data"));
        command.add("-Dcassandra.logdir=" + config.logDir());
        command.add("-Dcassandra-foreground=yes");
        command.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
        // marks the process so that a left-over node can be recognised by its command line
        command.add("-Dgms.embedded.dir=" + config.dataDir());
        if (config.disposable()) {
            command.add("-Dcassandra.unsafesystem=true");
        }
        command.add("-cp");
        command.add(libDir + "/*");
        command.add(MAIN_CLASS);
        return command;
    }

    private Path checkLibraries() {
        Path lib = config.libDir();
        boolean present;
        try (Stream<Path> jars = Files.isDirectory(lib) ? Files.list(lib) : Stream.empty()) {
            present = jars.anyMatch(jar -> jar.getFileName().toString().startsWith("cassandra-all-"));
        } catch (IOException e) {
            present = false;
        }
        if (!present) {
            throw new IllegalStateException("The embedded Cassandra jars are missing from " + lib
                    + ". Build the project first (mvn -B package, which scripts/gms runs when needed),"
                    + " or set [cassandra] nodes to use an external cluster.");
        }
        return lib;
    }

    private void lockDataDir() throws IOException {
        lockChannel = FileChannel.open(config.dataDir().resolve("gms-server.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            lockChannel = null;
            throw new IllegalStateException("Another running server already uses the embedded Cassandra data folder "
                    + config.dataDir() + ". Give this node its own [cassandra] embedded-data-dir, or point it at the"
                    + " running cluster with [cassandra] nodes.");
        }
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            LOG.warn("Cannot release the lock on {}: {}", config.dataDir(), e.getMessage());
        }
        lock = null;
        lockChannel = null;
    }

    private Path pidFile() {
        return config.dataDir().resolve("cassandra.pid");
    }

    private void stopLeftOver() throws IOException {
        if (!Files.exists(pidFile())) {
            return;
        }
        String text = Files.readString(pidFile(), StandardCharsets.US_ASCII).trim();
        Optional<ProcessHandle> leftOver = Optional.empty();
        try {
            leftOver = ProcessHandle.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            LOG.warn("Ignoring unreadable pid file {}", pidFile());
        }
        leftOver.filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().commandLine()
                        .map(line -> line.contains(MAIN_CLASS) && line.contains("-Dgms.embedded.dir=" + config.dataDir()))
                        .orElse(false))
                .ifPresent(handle -> {
                    LOG.warn("Stopping embedded Cassandra node (pid {}) left over by a previous run on {}",
                            handle.pid(), config.dataDir());
                    terminate(handle, STOP_TIMEOUT);
                });
        Files.deleteIfExists(pidFile());
    }

    private static void terminate(ProcessHandle handle, Duration timeout) {
        if (!handle.isAlive()) {
            return;
        }
        if (timeout.isZero()) {
            handle.destroyForcibly();
        } else {
            handle.destroy();
        }
        try {
            handle.onExit().get(timeout.isZero() ? 10 : timeout.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Embedded Cassandra node (pid {}) did not stop within {} s, killing it", handle.pid(),
                    timeout.toSeconds());
            handle.destroyForcibly();
        }
    }

    private static void requireFreePort(int port, String option) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        } catch (IOException free) {
            return;
        }
        throw new IllegalStateException("Port " + port + " on 127.0.0.1 is already in use, so the embedded Cassandra"
                + " node cannot start. Stop what listens there or change " + option + ".");
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                int code = process.exitValue();
                process = null;
                releaseLock();
                throw new IllegalStateException("The embedded Cassandra node exited with code " + code
                        + " while starting; see " + config.logDir().resolve("cassandra.log") + " and "
                        + config.logDir().resolve("cassandra-console.log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", config.nativePort()), 500);
                LOG.info("Embedded Cassandra node is ready on 127.0.0.1:{}", config.nativePort());
                return;
            } catch (IOException notYet) {
                try {
                    process.waitFor(250, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop();
                    throw new IllegalStateException("Interrupted while waiting for the embedded Cassandra node", e);
                }
            }
        }
        stop();
        throw new IllegalStateException("The embedded Cassandra node did not open its CQL port within "
                + READY_TIMEOUT.toSeconds() + " s; see " + config.logDir().resolve("cassandra.log"));
    }
}
