package org.gms.server.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gms.core.config.Option;
import org.gms.core.config.OptionCatalogue;
import org.gms.storage.CassandraSettings;

/**
 * One immutable snapshot of the effective configuration: {@code gms.ini} overlaid key by key by {@code node.ini},
 * invalid values already dropped, plus Jetty start properties and the lists of {@code etc/lists}. A reload makes a new
 * snapshot.
 */
public final class GmsConfig {

    private final Path home;
    private final Path configDir;
    private final Path logDir;
    private final OptionCatalogue catalogue;
    private final Map<String, Map<String, String>> sections;
    private final Map<String, Map<String, Map<String, String>>> lists;
    private final StartProperties start;

    GmsConfig(Path home, Path configDir, Path logDir, OptionCatalogue catalogue,
              Map<String, Map<String, String>> sections, Map<String, Map<String, Map<String, String>>> lists,
              StartProperties start) {
        this.home = home.toAbsolutePath().normalize();
        this.configDir = configDir.toAbsolutePath().normalize();
        this.logDir = logDir.toAbsolutePath().normalize();
        this.catalogue = catalogue;
        this.sections = freeze(sections);
        this.lists = Collections.unmodifiableMap(new LinkedHashMap<>(lists));
        this.start = start;
    }

    /** Installation folder: relative paths in options resolve against it. */
    public Path home() {
        return home;
    }

    /** Folder holding gms.ini, node.ini, start.ini and lists/. */
    public Path configDir() {
        return configDir;
    }

    public Path logDir() {
        return logDir;
    }

    public OptionCatalogue catalogue() {
        return catalogue;
    }

    public StartProperties start() {
        return start;
    }

    /** Section names present in the files ({@code service.x}, {@code push.provider.y}, ...). */
    public Set<String> sectionNames() {
        return sections.keySet();
    }

    /** The section as set in the files, without defaults (for free-form sections such as services). */
    public Map<String, String> rawSection(String name) {
        return sections.getOrDefault(name, Map.of());
    }

    /**
     * The declared options of a section with their defaults, overlaid by what the files set. A declared option set to
     * a blank value keeps its default, as {@link #value} does ("empty means default"), unless the option says a blank
     * is a value of its own; undeclared keys are copied as written.
     */
    public Map<String, String> section(String name) {
        Map<String, String> effective = new LinkedHashMap<>();
        Set<String> blankIsValue = new HashSet<>();
        for (Option option : catalogue.options()) {
            if (!option.isWildcard() && option.matchesSection(name)) {
                effective.put(option.name(), option.defaultValue());
                if (option.blankIsValue()) {
                    blankIsValue.add(option.name());
                }
            }
        }
        rawSection(name).forEach((key, value) -> {
            if (!effective.containsKey(key)) {
                effective.put(key, value);
            } else if (!value.isBlank() || blankIsValue.contains(key)) {
                effective.put(key, value.trim());
            }
        });
        return Collections.unmodifiableMap(effective);
    }

    /** One declared option's value, its default when not set (or set blank, unless a blank is a value). */
    public String value(String section, String name) {
        Option option = catalogue.require(section, name);
        String value = rawSection(section).get(name);
        if (value == null || value.isBlank() && !option.blankIsValue()) {
            return option.defaultValue();
        }
        return value.trim();
    }

    public int intValue(String section, String name) {
        return Integer.parseInt(value(section, name));
    }

    public boolean boolValue(String section, String name) {
        return Boolean.parseBoolean(value(section, name));
    }

    /**
     * A secret option. Its value may name another section that holds {@code password} (as {@code fcm=fcmsection}
     * in GMS); then that password is the secret.
     */
    public String secret(String section, String name) {
        String value = rawSection(section).getOrDefault(name, "");
        Map<String, String> referenced = sections.get(value.trim());
        if (referenced != null && referenced.containsKey("password")) {
            return referenced.get("password");
        }
        return value;
    }

    /** A list from {@code etc/lists/<name>.ini}: each section a group. */
    public Optional<Map<String, Map<String, String>>> list(String name) {
        return Optional.ofNullable(lists.get(name));
    }

    public CassandraSettings cassandra() {
        Map<String, String> cassandra = new LinkedHashMap<>(section(CassandraSettings.SECTION));
        Map<String, String> authentication = new LinkedHashMap<>(section(CassandraSettings.AUTH_SECTION));
        authentication.put("password", secret(CassandraSettings.AUTH_SECTION, "password"));
        cassandra.put("truststore-password", secret(CassandraSettings.SECTION, "truststore-password"));
        return CassandraSettings.from(cassandra, authentication, home);
    }

    private static Map<String, Map<String, String>> freeze(Map<String, Map<String, String>> sections) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        sections.forEach((name, options) -> copy.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(options))));
        return Collections.unmodifiableMap(copy);
    }
}
