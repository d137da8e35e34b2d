package org.gms.server.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gms.core.config.ConfigSnapshot;
import org.gms.core.config.ConfigView;
import org.gms.core.config.OptionCatalogue;

/**
 * One immutable snapshot of the effective configuration: {@code gms.ini} overlaid key by key by {@code node.ini},
 * invalid values already dropped, plus Jetty start properties and the lists of {@code etc/lists}. A reload makes a new
 * snapshot. Modules read it through their settings records only.
 */
public final class GmsConfig implements ConfigView {

    private final ConfigSnapshot options;
    private final Path configDir;
    private final Path logDir;
    private final StartProperties start;

    GmsConfig(Path home, Path configDir, Path logDir, OptionCatalogue catalogue,
              Map<String, Map<String, String>> sections, Map<String, Map<String, Map<String, String>>> lists,
              StartProperties start) {
        this.options = new ConfigSnapshot(catalogue, sections, lists, home);
        this.configDir = configDir.toAbsolutePath().normalize();
        this.logDir = logDir.toAbsolutePath().normalize();
        this.start = start;
    }

    /** Installation folder: relative paths in options resolve against it. */
    @Override
    public Path home() {
        return options.home();
    }

    /** Folder holding gms.ini, node.ini, start.ini and lists/. */
    public Path configDir() {
        return configDir;
    }

    public Path logDir() {
        return logDir;
    }

    public OptionCatalogue catalogue() {
        return options.catalogue();
    }

    public StartProperties start() {
        return start;
    }

    @Override
    public Set<String> sectionNames() {
        return options.sectionNames();
    }

    @Override
    public Map<String, String> rawSection(String name) {
        return options.rawSection(name);
    }

    @Override
    public String value(String section, String name) {
        return options.value(section, name);
    }

    @Override
    public String secret(String section, String name) {
        return options.secret(section, name);
    }

    @Override
    public Optional<Map<String, Map<String, String>>> list(String name) {
        return options.list(name);
    }
}
