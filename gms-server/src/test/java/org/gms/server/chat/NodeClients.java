package org.gms.server.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Public JavaScript clients run under Node.js (or, for axe-core, injected into the console's pages): the scripts and the locked package list of {@code src/test/node} are
 * copied to {@code target/node-clients} and installed there with {@code npm ci} once per test JVM. A machine without
 * Node.js or npm fails the tests that need them (it does not skip them); {@code .ci/run} installs them.
 */
public final class NodeClients {

    private static final Path SOURCE = Path.of("src", "test", "node");
    private static final Path TARGET = Path.of("target", "node-clients");
    private static final long INSTALL_SECONDS = 180;
    private static final java.util.concurrent.atomic.AtomicInteger COUNT = new java.util.concurrent.atomic.AtomicInteger();
    private static boolean installed;

    private NodeClients() {
    }

    /** The directory holding the scripts with their {@code node_modules}, installed on first use. */
    public static synchronized Path installed() throws IOException, InterruptedException {
        if (installed) {
            return TARGET;
        }
        Files.createDirectories(TARGET);
        try (var files = Files.list(SOURCE)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, TARGET.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(TARGET.toFile()).redirectErrorStream(true)
                .redirectOutput(TARGET.resolve("npm-ci.log").toFile()).start();
        if (!npm.waitFor(INSTALL_SECONDS, TimeUnit.SECONDS)) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci did not finish within " + INSTALL_SECONDS + " s in " + TARGET);
        }
        assertThat(npm.exitValue()).as("npm ci in %s: %s", TARGET,
                Files.readString(TARGET.resolve("npm-ci.log"))).isZero();
        installed = true;
        return TARGET;
    }

    /** A running script: its JSON lines as they come, and its stdin for commands. */
    static final class Script implements AutoCloseable {

        private final Process process;
        private final Writer input;
        private final BlockingQueue<Map<String, Object>> lines = new LinkedBlockingQueue<>();
        private final List<String> output = new ArrayList<>();
        private final Path errors;

        Script(String script, String... arguments) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("node", script));
            command.addAll(List.of(arguments));
            Path directory = installed();
            errors = directory.resolve(script + "-" + ProcessHandle.current().pid() + "-" + COUNT.incrementAndGet()
                    + ".stderr");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectError(errors.toFile());
            builder.environment().put("COMETD_LOG_LEVEL", System.getProperty("gms.test.cometd-log", "warn"));
            process = builder.start();
            input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread reader = new Thread(this::read, "node-" + script);
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.startsWith("{")) {
                        lines.add(RestChats.JSON.readValue(line, new TypeReference<Map<String, Object>>() { }));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Sends one command line to the script. */
        void command(String line) throws IOException {
            input.write(line + "\n");
            input.flush();
        }

        /** The next line that matches, skipping the others; fails after {@code seconds}. */
        Map<String, Object> await(Predicate<Map<String, Object>> wanted, String what, long seconds)
                throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (true) {
                long left = deadline - System.nanoTime();
                Map<String, Object> line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
                if (line == null) {
                    synchronized (output) {
                        throw new AssertionError("no " + what + " from the Node.js client within " + seconds
                                + " s; it printed: " + output + "; on stderr: " + errors());
                    }
                }
                if (wanted.test(line)) {
                    return line;
                }
            }
        }

        /** What the script wrote on stderr so far. */
        String errors() {
            try {
                return Files.readString(errors);
            } catch (IOException e) {
                return e.toString();
            }
        }

        /** Everything printed so far. */
        List<String> output() {
            synchronized (output) {
                return List.copyOf(output);
            }
        }

        int exitCode(long seconds) throws InterruptedException {
            assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).as("the Node.js client exits").isTrue();
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
