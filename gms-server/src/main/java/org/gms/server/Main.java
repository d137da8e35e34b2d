package org.gms.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.gms.server.config.ConfigHolder;
import org.gms.server.config.ConfigLoader;
import org.gms.server.config.GmsOptions;
import org.gms.server.logging.LogLevels;
import org.gms.server.logging.LogSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one node: {@code Main [--config DIR]}. The installation folder is {@code -Dgms.home} (default: the working
 * directory); the configuration folder holds gms.ini, node.ini, start.ini and lists/.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("gms.home", ".")).toAbsolutePath().normalize();
        Path configDir = home.resolve("etc");
        for (int index = 0; index < args.length; index++) {
            if (args[index].equals("--config") && index + 1 < args.length) {
                configDir = Path.of(args[++index]).toAbsolutePath().normalize();
            } else {
                System.err.println("Unknown argument " + args[index] + "; usage: Main [--config DIR]");
                System.exit(2);
            }
        }
        Path logDir = logDir(home, configDir);
        // logback reads gms.log.dir, so it must be set before the first logger is created
        System.setProperty("gms.log.dir", logDir.toString());
        Files.createDirectories(logDir);
        Logger log = LoggerFactory.getLogger(Main.class);

        GmsServer server;
        try {
            ConfigLoader loader = new ConfigLoader(home, configDir, logDir, GmsOptions.catalogue(),
                    System.getProperties());
            ConfigHolder config = new ConfigHolder(loader.load(), loader);
            String nodeId = Integer.toString(ServerSettings.from(config.get()).nodeId());
            Supplier<LogSettings> logSettings = config.settings(LogSettings::from);
            LogLevels.nameNode(nodeId);
            LogLevels.apply(logSettings.get());
            config.onChange(changed -> LogLevels.apply(logSettings.get()));
            LogLevels.followLogbackReloads(nodeId, logSettings);
            server = GmsServer.create(config);
        } catch (Exception e) {
            exit(log, e);
            return;
        }
        // registered before the start: Ctrl-C or SIGTERM while the embedded Cassandra node or Jetty is starting
        // must still stop them
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(log, server), "gms-stop"));
        try {
            server.start();
        } catch (Exception e) {
            exit(log, e);
            return;
        }
        server.join();
    }

    private static void stop(Logger log, GmsServer server) {
        try {
            if (server.isStarted()) {
                server.stopGracefully();
            } else {
                server.stop();
            }
        } catch (Exception e) {
            log.error("Error while stopping: {}", e.toString(), e);
        }
    }

    private static void exit(Logger log, Exception e) {
        log.error("GMS did not start: {}", e.getMessage(), e);
        System.err.println("GMS did not start: " + e.getMessage());
        System.exit(1);
    }

    private static Path logDir(Path home, Path configDir) {
        String property = System.getProperty("gms.log.dir");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        return configDir.equals(home.resolve("etc")) ? home.resolve("logs") : configDir.resolve("logs");
    }
}
