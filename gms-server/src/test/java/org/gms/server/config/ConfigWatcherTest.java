package org.gms.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher applies every change made after the configuration was loaded, the ones made during the start too. */
class ConfigWatcherTest {

    @TempDir
    Path home;

    @Test
    void should_apply_a_change_written_between_the_load_and_the_start_of_the_watcher() throws Exception {
        Path ini = home.resolve("etc").resolve(ConfigLoader.CLUSTER_FILE);
        Files.createDirectories(ini.getParent());
        Files.writeString(ini, "[sml]\nsuspending-wait-timeout = 10\n");
        ConfigLoader loader = new ConfigLoader(home, home.resolve("etc"), home.resolve("logs"), GmsOptions.catalogue(),
                new Properties());
        ConfigHolder holder = new ConfigHolder(loader.load(), loader);
        ConfigWatcher watcher = new ConfigWatcher(loader, holder);
        // the server is still starting (its Cassandra node, its features) when an operator edits the file
        Files.writeString(ini, "[sml]\nsuspending-wait-timeout = 25\n");
        Files.setLastModifiedTime(ini, FileTime.fromMillis(Files.getLastModifiedTime(ini).toMillis() + 2_000));
        watcher.start();
        try {
            watcher.check();
            assertThat(holder.get().intValue("sml", "suspending-wait-timeout")).isEqualTo(25);
        } finally {
            watcher.stop();
        }
    }

    @Test
    void should_keep_the_configuration_when_no_file_changed() throws Exception {
        Path ini = home.resolve("etc").resolve(ConfigLoader.CLUSTER_FILE);
        Files.createDirectories(ini.getParent());
        Files.writeString(ini, "[sml]\nsuspending-wait-timeout = 12\n");
        ConfigLoader loader = new ConfigLoader(home, home.resolve("etc"), home.resolve("logs"), GmsOptions.catalogue(),
                new Properties());
        GmsConfig loaded = loader.load();
        ConfigHolder holder = new ConfigHolder(loaded, loader);
        ConfigWatcher watcher = new ConfigWatcher(loader, holder);
        watcher.start();
        try {
            watcher.check();
            assertThat(holder.get()).isSameAs(loaded);
        } finally {
            watcher.stop();
        }
    }
}
