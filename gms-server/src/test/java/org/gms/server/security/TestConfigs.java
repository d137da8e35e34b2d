package org.gms.server.security;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.gms.server.config.ConfigLoader;
import org.gms.server.config.GmsConfig;
import org.gms.server.config.GmsOptions;

/** Configuration snapshots for unit tests, from sections given as in gms.ini; no file is read. */
public final class TestConfigs {

    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();

    public static TestConfigs builder() {
        return new TestConfigs();
    }

    public TestConfigs option(String section, String name, String value) {
        sections.computeIfAbsent(section, key -> new LinkedHashMap<>()).put(name, value);
        return this;
    }

    public GmsConfig build() {
        Path home = Path.of("target", "unit-home").toAbsolutePath();
        return new ConfigLoader(home, home.resolve("etc"), home.resolve("logs"), GmsOptions.catalogue(),
                new Properties()).of(sections, Map.of(), Map.of());
    }
}
