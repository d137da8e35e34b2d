package org.gms.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Read access to one snapshot of the configuration, for the settings records of the modules: each record reads its
 * own options here, once per snapshot, and the rest of the code sees typed values only. Declared options come with
 * their catalogue default applied; reading an undeclared option is a bug and throws.
 */
public interface ConfigView {

    /** A declared option's value: its default when not set (or set blank, unless a blank is a value). */
    String value(String section, String name);

    /**
     * A secret option. Its value may name another section that holds {@code password} (as {@code fcm=fcmsection} in
     * GMS); then that password is the secret.
     */
    String secret(String section, String name);

    /** The section as set in the files, without defaults ({@code [service.<name>]}, provider sections, ...). */
    Map<String, String> rawSection(String name);

    /** Section names present in the files. */
    Set<String> sectionNames();

    /** A list from {@code etc/lists/<name>.ini}: each section a group. */
    Optional<Map<String, Map<String, String>>> list(String name);

    /** Installation folder: relative paths in options resolve against it. */
    Path home();

    default int intValue(String section, String name) {
        return Integer.parseInt(value(section, name));
    }

    default long longValue(String section, String name) {
        return Long.parseLong(value(section, name));
    }

    default boolean boolValue(String section, String name) {
        return Boolean.parseBoolean(value(section, name));
    }

    /** A comma-separated option as its non-blank, trimmed entries. */
    default List<String> listValue(String section, String name) {
        List<String> entries = new ArrayList<>();
        for (String entry : value(section, name).split(",")) {
            if (!entry.isBlank()) {
                entries.add(entry.trim());
            }
        }
        return entries;
    }
}
