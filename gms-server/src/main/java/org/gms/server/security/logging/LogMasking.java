package org.gms.server.security.logging;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way to log request parameters, user data or message attributes: every feature passes its map through here
 * before logging it. Rules, first match wins: names starting with {@code XXX} are never logged; secrets (password,
 * secret, API key, authorization, token names) are always {@link LogFilter#SUPPRESSED}; names starting with
 * {@code MMM} are suppressed; then {@code [log-filter-data] <name>}, then {@code [log-filter] default-filter-type}.
 * The configuration is read on each call, so a change applies at once.
 */
public final class LogMasking {

    private static final Logger LOG = LoggerFactory.getLogger(LogMasking.class);
    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "secret", "apikey", "api_key",
            "authorization", "privatekey", "private_key", "token", "securekey", "credential");

    private final Supplier<LogFilterSettings> settings;

    public LogMasking(Supplier<LogFilterSettings> settings) {
        this.settings = settings;
    }

    /** Whether a parameter name always names a secret, whatever the filters say. */
    public static boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains);
    }

    /** The text to log for one pair, or empty when the pair must be left out. */
    public Optional<String> mask(String name, String value) {
        if (name.startsWith("XXX")) {
            return Optional.empty();
        }
        if (isSecret(name) || name.startsWith("MMM")) {
            return Optional.of(LogFilter.SUPPRESSED);
        }
        String filter = settings.get().filterOf(name);
        return LogFilter.parse(filter).orElseGet(() -> {
            LOG.warn("Unknown log filter [{}] for [{}]; the value is hidden", filter, name);
            return LogFilter.HIDE;
        }).apply(value == null ? "" : value);
    }

    /** The map to log: skipped pairs removed, the others masked; order kept. Values may be strings, arrays or lists. */
    public Map<String, String> mask(Map<String, ?> parameters) {
        Map<String, String> masked = new LinkedHashMap<>();
        parameters.forEach((name, value) -> mask(name, text(value)).ifPresent(shown -> masked.put(name, shown)));
        return masked;
    }

    /**
     * The map as a GMS {@code KVList} log block: {@code 'name' [str] = "value"} per line, or
     * {@code 'name' [output suppressed]} for a hidden value.
     */
    public String kvList(Map<String, ?> parameters) {
        StringBuilder text = new StringBuilder("KVList:");
        mask(parameters).forEach((name, shown) -> text.append('\n').append(line(name, shown)));
        return text.toString();
    }

    static String line(String name, String shown) {
        if (shown.equals(LogFilter.SUPPRESSED)) {
            return "'" + name + "' " + LogFilter.SUPPRESSED;
        }
        return "'" + name + "' [str] = \"" + shown + "\"";
    }

    /**
     * Attributes of a message of type {@code <Protocol>.<Message>}: those listed in {@code [log-hidden-attributes]}
     * are suppressed, the others go through {@link #mask(Map)}.
     */
    public Map<String, String> maskAttributes(String messageType, Map<String, ?> attributes) {
        Set<String> hidden = settings.get().hiddenAttributes().getOrDefault(messageType, Set.of());
        Map<String, String> masked = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            if (hidden.contains(name)) {
                masked.put(name, LogFilter.SUPPRESSED);
            } else {
                mask(name, text(value)).ifPresent(shown -> masked.put(name, shown));
            }
        });
        return masked;
    }

    private static String text(Object value) {
        if (value instanceof String[] array) {
            return String.join(",", array);
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return value == null ? "" : String.valueOf(value);
    }
}
