package org.gms.core.config;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One section of a family ({@code [service.<name>]}, {@code [chat.<name>]}): free-form options behind typed getters.
 * In a service section the {@code _} options beat request parameters of the same name unless listed in
 * {@code _overwritable_options}; {@code $name$} in an option value is replaced by the request parameter {@code name}.
 *
 * @param family  the family, such as {@link OptionFamily#SERVICE}
 * @param name    the section's own name: {@code callback1} for {@code [service.callback1]}
 * @param options the options as set in the files
 */
public record NamedSection(String family, String name, Map<String, String> options) {
    private static final Pattern TOKEN = Pattern.compile("\\$([^$\\s]+)\\$");
    private static final Set<String> INTERNAL = Set.of("_type", "_service", "_overwritable_options", "_redirect");

    public NamedSection {
        options = Map.copyOf(options);
    }

    /** A {@code [service.<name>]} section. */
    public static NamedSection service(String name, Map<String, String> options) {
        return new NamedSection(OptionFamily.SERVICE, name, options);
    }

    /** Every {@code [service.<name>]} section of a configuration, by name, in file order. */
    public static Map<String, NamedSection> services(ConfigView config) {
        Map<String, NamedSection> services = new LinkedHashMap<>();
        String prefix = OptionFamily.prefix(OptionFamily.SERVICE);
        for (String section : config.sectionNames()) {
            if (section.startsWith(prefix) && section.length() > prefix.length()) {
                String name = section.substring(prefix.length());
                services.put(name, service(name, config.rawSection(section)));
            }
        }
        return services;
    }

    /** The full section name, {@code service.callback1}, for messages that name it. */
    public String section() {
        return OptionFamily.prefix(family) + name;
    }

    public String type() {
        return options.getOrDefault("_type", "").trim();
    }

    public String builtin() {
        return options.getOrDefault("_service", "").trim();
    }

    /** The parameters the service runs with: the request's, overridden by the section's {@code _} options. */
    public Map<String, String> effective(Map<String, String> request) {
        Set<String> overwritable = new HashSet<>();
        for (String option : options.getOrDefault("_overwritable_options", "").split(",")) {
            overwritable.add(option.trim());
        }
        Map<String, String> result = new LinkedHashMap<>(request);
        options.forEach((key, value) -> {
            if (!key.startsWith("_") || INTERNAL.contains(key)) {
                return;
            }
            if (overwritable.contains(key) && request.containsKey(key)) {
                if (request.get(key).isEmpty()) {
                    result.remove(key);
                }
                return;
            }
            result.put(key, substitute(value, request));
        });
        return result;
    }

    /** {@code _redirect} after overriding (it may be overwritable and may hold a token). */
    public String redirect(Map<String, String> request) {
        String configured = options.getOrDefault("_redirect", "");
        Set<String> overwritable = Set.of(options.getOrDefault("_overwritable_options", "").replace(" ", "").split(","));
        if (overwritable.contains("_redirect") && request.containsKey("_redirect")) {
            return request.get("_redirect").trim();
        }
        return substitute(configured, request).trim();
    }

    public static String substitute(String value, Map<String, String> request) {
        Matcher matcher = TOKEN.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(request.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
