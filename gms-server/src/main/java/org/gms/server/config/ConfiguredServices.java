package org.gms.server.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gms.callback.config.ServiceOptions;
import org.gms.chat.config.ChatSettings;
import org.gms.core.config.Option;
import org.gms.core.config.OptionFamily;
import org.gms.core.config.OptionType;
import org.gms.server.security.logging.LogMasking;

/**
 * What {@code GET /genesys/1/admin/config/services} answers: the {@code [callback]} and {@code [chat]} sections with
 * every option they declare, each {@code [service.<name>]} and {@code [chat.<name>]} section with the options set in
 * the files, each option with its value, its default and the catalogue's description; then the lists the services
 * read (resources, patterns, paused services). A secret never leaves the server: a secret option (declared so, or
 * named like a password, token or key) answers {@link #MASK} when it holds anything.
 */
final class ConfiguredServices {

    static final String MASK = "****";
    private static final List<String> FIXED = List.of("callback", ChatSettings.SECTION);
    private static final List<String> FAMILIES = List.of(OptionFamily.prefix(OptionFamily.SERVICE),
            OptionFamily.prefix(ChatSettings.FAMILY));

    private final GmsConfig config;

    ConfiguredServices(GmsConfig config) {
        this.config = config;
    }

    Map<String, Object> answer() {
        List<Map<String, Object>> sections = new ArrayList<>();
        for (String fixed : FIXED) {
            sections.add(section(fixed, declared(fixed)));
        }
        for (String name : config.sectionNames()) {
            if (FAMILIES.stream().anyMatch(prefix -> name.startsWith(prefix) && name.length() > prefix.length())) {
                sections.add(section(name, config.rawSection(name).keySet()));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sections", sections);
        body.put("lists", lists());
        return body;
    }

    /** The options a fixed section declares, then those set in it that it does not declare. */
    private Set<String> declared(String section) {
        Set<String> names = new LinkedHashSet<>();
        for (Option option : config.catalogue().options()) {
            if (!option.isWildcard() && option.section().equals(section)) {
                names.add(option.name());
            }
        }
        names.addAll(config.rawSection(section).keySet());
        return names;
    }

    private Map<String, Object> section(String name, Set<String> options) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String option : options) {
            entries.add(option(name, option));
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("name", name);
        section.put("options", entries);
        return section;
    }

    private Map<String, Object> option(String section, String name) {
        Optional<Option> declared = config.catalogue().find(section, name);
        boolean secret = isSecret(name, declared);
        String set = config.rawSection(section).get(name);
        String value = declared.isPresent() ? config.value(section, name) : set.trim();
        String fallback = declared.map(Option::defaultValue).orElse("");
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", name);
        entry.put("value", secret ? mask(value) : value);
        entry.put("default", secret ? mask(fallback) : fallback);
        entry.put("description", declared.map(Option::description).orElse(""));
        entry.put("set", set != null);
        entry.put("secret", secret);
        return entry;
    }

    private List<Map<String, Object>> lists() {
        Map<String, String> purposes = new LinkedHashMap<>();
        purposes.put(config.value("resources", "resources_list_name"), "resources");
        purposes.put(config.value("resources", "patterns_list_name"), "patterns");
        purposes.putIfAbsent(ServiceOptions.DEFAULT_PAUSED_LIST, "paused-services");
        for (String name : config.sectionNames()) {
            String paused = name.startsWith(OptionFamily.prefix(OptionFamily.SERVICE))
                    ? config.rawSection(name).getOrDefault(ServiceOptions.PAUSED_LIST, "").trim() : "";
            if (!paused.isEmpty()) {
                purposes.putIfAbsent(paused, "paused-services");
            }
        }
        List<Map<String, Object>> lists = new ArrayList<>();
        purposes.forEach((name, purpose) -> {
            Map<String, Object> list = new LinkedHashMap<>();
            list.put("name", name);
            list.put("purpose", purpose);
            list.put("present", config.list(name).isPresent());
            list.put("groups", groups(config.list(name).orElse(Map.of())));
            lists.add(list);
        });
        return lists;
    }

    private static Map<String, Map<String, String>> groups(Map<String, Map<String, String>> groups) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        groups.forEach((group, entries) -> {
            Map<String, String> shown = new LinkedHashMap<>();
            entries.forEach((key, value) -> shown.put(key, isSecret(key, Optional.empty()) ? mask(value) : value));
            copy.put(group, shown);
        });
        return copy;
    }

    /** Declared secret, or named like one: password, secret, token, API or private key, credential, ...key. */
    static boolean isSecret(String name, Optional<Option> declared) {
        return declared.filter(option -> option.type() == OptionType.SECRET).isPresent() || LogMasking.isSecret(name)
                || name.toLowerCase(Locale.ROOT).endsWith("key");
    }

    private static String mask(String value) {
        return value == null || value.isEmpty() ? "" : MASK;
    }
}
