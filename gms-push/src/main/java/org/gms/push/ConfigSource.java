package org.gms.push;

import java.util.Map;
import java.util.Set;

/** Read access to the configuration sections the push engine needs; the server adapts its config to it. */
public interface ConfigSource {

    /** The section as set (no defaults), empty when absent. */
    Map<String, String> section(String name);

    Set<String> sectionNames();

    /** A section built from a map, for tests and tools. */
    static ConfigSource of(Map<String, Map<String, String>> sections) {
        return new ConfigSource() {
            @Override
            public Map<String, String> section(String name) {
                return sections.getOrDefault(name, Map.of());
            }

            @Override
            public Set<String> sectionNames() {
                return sections.keySet();
            }
        };
    }
}
