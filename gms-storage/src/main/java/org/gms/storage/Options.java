package org.gms.storage;

import java.util.Map;

/**
 * Reads typed values from one configuration section. The configuration layer has already replaced invalid values by
 * defaults (logging {@code Wrong value [v] for option [opt]}); a value that still does not parse here comes from code,
 * so it fails loudly with the section and option named.
 */
public final class Options {

    private final String section;
    private final Map<String, String> values;

    public Options(String section, Map<String, String> values) {
        this.section = section;
        this.values = Map.copyOf(values);
    }

    public String section() {
        return section;
    }

    public String string(String name, String defaultValue) {
        String value = values.get(name);
        return value == null ? defaultValue : value.trim();
    }

    public int integer(String name, int defaultValue) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(name, value);
        }
    }

    public boolean bool(String name, boolean defaultValue) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        String trimmed = value.trim();
        if (trimmed.equalsIgnoreCase("true")) {
            return true;
        }
        if (trimmed.equalsIgnoreCase("false")) {
            return false;
        }
        throw invalid(name, value);
    }

    private IllegalArgumentException invalid(String name, String value) {
        return new IllegalArgumentException("Wrong value [" + value + "] for option [" + section + "] " + name);
    }
}
