package org.gms.push.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gms.core.config.ConfigView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push configuration as GMS reads it: {@code [push] pushEnabled}, the {@code [push]} defaults, isolated named
 * providers {@code [push.provider.<name>]}, {@code debug.X} twins. A type whose mandatory options are missing is
 * disabled for that provider and logged; every message is also kept in {@link #warnings()}.
 */
public final class PushConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PushConfiguration.class);
    public static final String SECTION = "push";
    public static final String PROVIDER_PREFIX = "push.provider.";
    public static final int MINIMUM_EXPIRATION = 30;

    private final ConfigView source;
    private final Set<String> enabledTypes;
    private final int defaultExpiration;
    private final Set<String> filteringChatEvents;
    private final Path localizationFile;
    private final Map<String, Map<String, Channel>> channels = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    private PushConfiguration(ConfigView source) {
        this.source = source;
        Map<String, String> push = source.rawSection(SECTION);
        enabledTypes = parseEnabled(source.value(SECTION, "pushEnabled"));
        defaultExpiration = Math.max(MINIMUM_EXPIRATION, source.intValue(SECTION, "defaultSubscriptionExpiration"));
        filteringChatEvents = Set.copyOf(source.listValue(SECTION, "filtering_chat_events"));
        String localization = source.value(SECTION, "localizationFileLocation");
        localizationFile = localization.isEmpty() ? null : source.home().resolve(localization);
        reportDiscontinued(SECTION, push);
        buildChannels("", SECTION, push);
        for (String name : source.sectionNames()) {
            if (name.startsWith(PROVIDER_PREFIX) && !name.equals(PROVIDER_PREFIX + "event")
                    && !name.substring(PROVIDER_PREFIX.length()).contains(".")) {
                String provider = name.substring(PROVIDER_PREFIX.length());
                if (!provider.matches("[A-Za-z0-9_-]+")) {
                    warn("Provider section [{}] ignored: a provider name holds only letters, digits, _ and -", name);
                    continue;
                }
                reportDiscontinued(name, source.rawSection(name));
                buildChannels(provider, name, source.rawSection(name));
            }
        }
    }

    /** The push configuration of a snapshot: providers, channels and their mandatory options checked. */
    public static PushConfiguration from(ConfigView config) {
        return new PushConfiguration(config);
    }

    /** Types listed in {@code pushEnabled} and known (they may still be disabled for a provider). */
    public Set<String> enabledTypes() {
        return enabledTypes;
    }

    public int defaultExpiration() {
        return defaultExpiration;
    }

    public Set<String> filteringChatEvents() {
        return filteringChatEvents;
    }

    public Optional<Path> localizationFile() {
        return Optional.ofNullable(localizationFile);
    }

    public boolean hasProvider(String providerName) {
        return channels.containsKey(providerName);
    }

    /** The channel of a type for a provider, the debug twin when {@code debug}; empty when not enabled. */
    public Optional<Channel> channel(String providerName, String type, boolean debug) {
        Map<String, Channel> provider = channels.get(providerName);
        if (provider == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(provider.get(key(type, debug)));
    }

    public Map<String, Map<String, Channel>> channels() {
        return Collections.unmodifiableMap(channels);
    }

    /** The snapshot it was read from: provider sections hold options only their provider knows. */
    public ConfigView source() {
        return source;
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private void buildChannels(String provider, String section, Map<String, String> options) {
        Map<String, Channel> built = new LinkedHashMap<>();
        for (String type : enabledTypes) {
            Optional<String> missing = PushTypes.missingMandatory(type, options);
            if (missing.isPresent()) {
                warn("Mandatory option [{}] not specified for provider section [{}]", missing.get(), section);
                continue;
            }
            built.put(key(type, false), new Channel(provider, section, type, false, options));
            List<String> credentials = PushTypes.CREDENTIALS.getOrDefault(type, List.of());
            boolean hasDebug = credentials.stream().anyMatch(name -> options.containsKey("debug." + name));
            if (!hasDebug) {
                if (credentials.isEmpty()) {
                    built.put(key(type, true), new Channel(provider, section, type, true, options));
                }
                continue;
            }
            Map<String, String> debugOptions = new LinkedHashMap<>(options);
            for (String name : credentials) {
                if (options.containsKey("debug." + name)) {
                    debugOptions.put(name, options.get("debug." + name));
                } else if (!name.equals("apple.topicName")) {
                    debugOptions.remove(name);
                }
            }
            Optional<String> missingDebug = PushTypes.missingMandatory(type, debugOptions);
            if (missingDebug.isPresent()) {
                warn("Mandatory option [debug.{}] not specified for provider section [{}]", missingDebug.get(), section);
                continue;
            }
            built.put(key(type, true), new Channel(provider, section, type, true, debugOptions));
        }
        channels.put(provider, built);
    }

    private Set<String> parseEnabled(String value) {
        Set<String> types = new LinkedHashSet<>();
        for (String entry : split(value)) {
            String type = entry.toLowerCase(java.util.Locale.ROOT);
            if (PushTypes.SUPPORTED.contains(type)) {
                types.add(type);
            } else if (PushTypes.DISCONTINUED.contains(type)) {
                warn("Push type [{}] in 'pushEnabled' list in section [{}] is discontinued, ignored", entry, SECTION);
            } else {
                warn("Error parsing value [{}] in 'pushEnabled' list in section [{}], ignored", entry, SECTION);
            }
        }
        return Collections.unmodifiableSet(types);
    }

    private void reportDiscontinued(String section, Map<String, String> options) {
        options.keySet().stream().filter(name -> name.startsWith("android.") || name.startsWith("debug.android."))
                .forEach(name -> warn("Option [{}] in section [{}] is discontinued, ignored", name, section));
    }

    private void warn(String pattern, Object... arguments) {
        String text = pattern;
        for (Object argument : arguments) {
            text = text.replaceFirst("\\{\\}", java.util.regex.Matcher.quoteReplacement(String.valueOf(argument)));
        }
        warnings.add(text);
        LOG.warn(pattern, arguments);
    }

    private static String key(String type, boolean debug) {
        return debug ? "debug." + type : type;
    }

    static List<String> split(String list) {
        List<String> parts = new ArrayList<>();
        for (String part : list.split(",")) {
            if (!part.isBlank()) {
                parts.add(part.trim());
            }
        }
        return parts;
    }

}
