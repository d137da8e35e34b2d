package org.gms.server.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.gms.core.config.OptionCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the configuration folder: {@code gms.ini} (cluster level), {@code node.ini} (node level, overlaid key by key),
 * {@code start.ini} (Jetty) and {@code lists/*.ini}. Bad values are reported as GMS does and replaced by defaults;
 * unknown options are reported once per loader.
 */
public final class ConfigLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);
    public static final String CLUSTER_FILE = "gms.ini";
    public static final String NODE_FILE = "node.ini";
    public static final String START_FILE = "start.ini";
    public static final String LISTS_DIR = "lists";

    private final Path home;
    private final Path configDir;
    private final Path logDir;
    private final OptionCatalogue catalogue;
    private final Properties system;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public ConfigLoader(Path home, Path configDir, Path logDir, OptionCatalogue catalogue, Properties system) {
        this.home = home;
        this.configDir = configDir;
        this.logDir = logDir;
        this.catalogue = catalogue;
        this.system = system;
    }

    public GmsConfig load() throws IOException {
        Path cluster = configDir.resolve(CLUSTER_FILE);
        if (!Files.exists(cluster)) {
            LOG.warn("No {} in {}: every option has its default", CLUSTER_FILE, configDir);
        }
        Map<String, Map<String, String>> merged = overlay(readIfPresent(cluster), readIfPresent(configDir.resolve(NODE_FILE)));
        StartProperties start = StartProperties.load(configDir.resolve(START_FILE), system);
        return new GmsConfig(home, configDir, logDir, catalogue, validate(merged), readLists(), start);
    }

    /** A configuration made in code (tests, tools), validated like the files. */
    public GmsConfig of(Map<String, Map<String, String>> sections, Map<String, String> start,
                        Map<String, Map<String, Map<String, String>>> lists) {
        return new GmsConfig(home, configDir, logDir, catalogue, validate(sections),
                lists, StartProperties.of(start, system));
    }

    /** Node options win key by key; cluster keys the node does not set still apply (GMS 8.5.202+ rule). */
    static Map<String, Map<String, String>> overlay(Map<String, Map<String, String>> cluster,
                                                    Map<String, Map<String, String>> node) {
        Map<String, Map<String, String>> merged = new LinkedHashMap<>();
        cluster.forEach((section, options) -> merged.put(section, new LinkedHashMap<>(options)));
        node.forEach((section, options) -> merged.computeIfAbsent(section, name -> new LinkedHashMap<>()).putAll(options));
        return merged;
    }

    private Map<String, Map<String, String>> validate(Map<String, Map<String, String>> sections) {
        Map<String, Map<String, String>> valid = new LinkedHashMap<>();
        sections.forEach((section, options) -> {
            Map<String, String> kept = new LinkedHashMap<>();
            options.forEach((name, value) -> {
                var option = catalogue.find(section, name);
                if (option.isEmpty()) {
                    if (reported.add(section + "/" + name)) {
                        LOG.warn("Unknown option [{}] {} is ignored", section, name);
                    }
                    kept.put(name, value);
                } else if (option.get().accepts(value)) {
                    kept.put(name, value);
                } else if (reported.add(section + "/" + name + "=" + value)) {
                    LOG.warn("Wrong value [{}] for option [{}] in section [{}]; the default [{}] applies (valid: {})",
                            value, name, section, option.get().defaultValue(), option.get().describeValid());
                }
            });
            valid.put(section, kept);
        });
        return valid;
    }

    private Map<String, Map<String, Map<String, String>>> readLists() throws IOException {
        Map<String, Map<String, Map<String, String>>> lists = new LinkedHashMap<>();
        Path folder = configDir.resolve(LISTS_DIR);
        if (!Files.isDirectory(folder)) {
            return lists;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".ini")).sorted().toList()) {
                String name = file.getFileName().toString();
                lists.put(name.substring(0, name.length() - ".ini".length()), IniFile.read(file));
            }
        }
        return lists;
    }

    private static Map<String, Map<String, String>> readIfPresent(Path file) throws IOException {
        return Files.exists(file) ? IniFile.read(file) : Map.of();
    }
}
