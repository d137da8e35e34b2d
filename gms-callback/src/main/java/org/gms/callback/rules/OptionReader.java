package org.gms.callback.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads one option from a {@code [service.<name>]} section, else from {@code [callback]}, else takes the built-in
 * default, collecting a warning for each value that does not parse.
 */
final class OptionReader {

    private final Map<String, String> service;
    private final Map<String, String> callback;
    private final List<String> warnings = new ArrayList<>();

    OptionReader(Map<String, String> service, Map<String, String> callback) {
        this.service = service;
        this.callback = callback;
    }

    <T> T read(String name, T fallback, Function<String, Optional<T>> parser) {
        return read(List.of(name), List.of(name), fallback, parser);
    }

    /**
     * The first of {@code serviceNames} set (not blank) in the service wins; an invalid service value gives the
     * default rather than the {@code [callback]} value, so a typo never silently picks up a server-wide setting.
     */
    <T> T read(List<String> serviceNames, List<String> callbackNames, T fallback,
               Function<String, Optional<T>> parser) {
        Map.Entry<String, String> set = first(service, serviceNames);
        if (set == null) {
            set = first(callback, callbackNames);
        }
        if (set == null) {
            return fallback;
        }
        Optional<T> value = parser.apply(set.getValue());
        if (value.isEmpty()) {
            warnings.add("Wrong value [" + set.getValue() + "] for option [" + set.getKey() + "]");
        }
        return value.orElse(fallback);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    private static Map.Entry<String, String> first(Map<String, String> section, List<String> names) {
        for (String name : names) {
            String value = section.get(name);
            if (value != null && !value.isBlank()) {
                return Map.entry(name, value.trim());
            }
        }
        return null;
    }

    /** A count or a number of seconds: a decimal integer, 0 or more. */
    static Optional<Integer> count(String text) {
        try {
            int value = Integer.parseInt(text);
            return value >= 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Boolean> bool(String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Optional.of(Boolean.parseBoolean(text));
        }
        return Optional.empty();
    }

    /** A comma-separated list of names with at least one name. */
    static Optional<List<String>> names(String text) {
        List<String> names = new ArrayList<>();
        for (String name : text.split(",")) {
            if (!name.isBlank() && !names.contains(name.trim())) {
                names.add(name.trim());
            }
        }
        return names.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(names));
    }
}
