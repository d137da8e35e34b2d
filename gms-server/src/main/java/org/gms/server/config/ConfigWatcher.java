package org.gms.server.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the configuration when a file of the configuration folder changes; a lifecycle bean of the server, started
 * last (once everything serves) and stopped first. It polls modification times once a
 * second: simpler than a WatchService, and it also sees files edited through symbolic links or network mounts.
 */
public final class ConfigWatcher extends AbstractLifeCycle {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);
    private static final Duration PERIOD = Duration.ofSeconds(1);

    private final ConfigLoader loader;
    private final ConfigHolder holder;
    private final Path configDir;
    private ScheduledExecutorService timer;
    private Map<String, Long> stamps;

    /**
     * Made right after the configuration is loaded (before the storage and the features start): the files as they
     * are now are the ones loaded, so a change written while the server starts is applied by the first check.
     */
    public ConfigWatcher(ConfigLoader loader, ConfigHolder holder) {
        this.loader = loader;
        this.holder = holder;
        this.configDir = holder.get().configDir();
        this.stamps = stamps();
    }

    @Override
    protected synchronized void doStart() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "config-watcher");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::check, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    void check() {
        Map<String, Long> now = stamps();
        if (now.equals(stamps)) {
            return;
        }
        try {
            GmsConfig next = loader.load();
            stamps = now;
            LOG.info("Configuration reloaded from {}", configDir);
            holder.update(next);
        } catch (IOException | RuntimeException e) {
            // keep the previous configuration; the next change of the file is tried again
            stamps = now;
            LOG.warn("Configuration in {} not reloaded: {}", configDir, e.getMessage());
        }
    }

    private Map<String, Long> stamps() {
        Map<String, Long> stamps = new TreeMap<>();
        for (String name : new String[] {ConfigLoader.CLUSTER_FILE, ConfigLoader.NODE_FILE}) {
            stamp(configDir.resolve(name), stamps);
        }
        Path lists = configDir.resolve(ConfigLoader.LISTS_DIR);
        if (Files.isDirectory(lists)) {
            try (Stream<Path> files = Files.list(lists)) {
                files.forEach(file -> stamp(file, stamps));
            } catch (IOException e) {
                LOG.debug("Cannot list {}: {}", lists, e.getMessage());
            }
        }
        return stamps;
    }

    private static void stamp(Path file, Map<String, Long> stamps) {
        try {
            if (Files.exists(file)) {
                stamps.put(file.toString(), Files.getLastModifiedTime(file).toMillis() * 31 + Files.size(file));
            }
        } catch (IOException e) {
            stamps.put(file.toString(), -1L);
        }
    }

    @Override
    protected synchronized void doStop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
