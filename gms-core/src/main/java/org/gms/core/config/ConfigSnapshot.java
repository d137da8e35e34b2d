package org.gms.core.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable {@link ConfigView} over sections and lists already read and validated, with the catalogue's defaults.
 * The server builds one per reload from its files; module tests build one from maps.
 */
public final class ConfigSnapshot implements ConfigView {

    private final OptionCatalogue catalogue;
    private final Map<String, Map<String, String>> sections;
    private final Map<String, Map<String, Map<String, String>>> lists;
    private final Path home;

    public ConfigSnapshot(OptionCatalogue catalogue, Map<String, Map<String, String>> sections,
                          Map<String, Map<String, Map<String, String>>> lists, Path home) {
        this.catalogue = catalogue;
        this.sections = freeze(sections);
        this.lists = Collections.unmodifiableMap(new LinkedHashMap<>(lists));
        this.home = home.toAbsolutePath().normalize();
    }

    /** A snapshot of the given declarations and sections, without lists (module tests, tools). */
    public static ConfigSnapshot of(List<Option> options, Map<String, Map<String, String>> sections, Path home) {
        return new ConfigSnapshot(new OptionCatalogue(options), sections, Map.of(), home);
    }

    public OptionCatalogue catalogue() {
        return catalogue;
    }

    @Override
    public Path home() {
        return home;
    }

    @Override
    public Set<String> sectionNames() {
        return sections.keySet();
    }

    @Override
    public Map<String, String> rawSection(String name) {
        return sections.getOrDefault(name, Map.of());
    }

    @Override
    public String value(String section, String name) {
        Option option = catalogue.require(section, name);
        String value = rawSection(section).get(name);
        if (value == null || value.isBlank() && !option.blankIsValue()) {
            return option.defaultValue();
        }
        return value.trim();
    }

    @Override
    public String secret(String section, String name) {
        String value = rawSection(section).getOrDefault(name, "");
        Map<String, String> referenced = sections.get(value.trim());
        if (referenced != null && referenced.containsKey("password")) {
            return referenced.get("password");
        }
        return value;
    }

    @Override
    public Optional<Map<String, Map<String, String>>> list(String name) {
        return Optional.ofNullable(lists.get(name));
    }

    private static Map<String, Map<String, String>> freeze(Map<String, Map<String, String>> sections) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        sections.forEach((name, options) -> copy.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(options))));
        return Collections.unmodifiableMap(copy);
    }
}
