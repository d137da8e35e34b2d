package org.gms.push.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gms.core.config.ConfigView;

/**
 * Resolves the OS formatting options (apple.*, fcm.title, fcm.body) of a message, most specific section first:
 * {@code [push.provider.<name>.event.<event>]} (walking up the dotted event name), then
 * {@code [push.provider.event.<event>]} (walking up), then {@code [push.provider.event]}, then the provider's own
 * section ({@code [push]} or {@code [push.provider.<name>]}). Other options in event sections are ignored.
 */
public final class Formatting {

    private final ConfigView source;

    public Formatting(ConfigView source) {
        this.source = source;
    }

    public Map<String, String> resolve(String providerName, String providerSection, String event) {
        Map<String, String> resolved = new LinkedHashMap<>();
        for (String section : sectionsLeastSpecificFirst(providerName, providerSection, event)) {
            source.rawSection(section).forEach((name, value) -> {
                if (PushTypes.isFormatting(name)) {
                    resolved.put(name, value);
                }
            });
        }
        return resolved;
    }

    /** The sections consulted, least specific first (later ones win). */
    static List<String> sectionsLeastSpecificFirst(String providerName, String providerSection, String event) {
        List<String> sections = new ArrayList<>();
        sections.add(providerSection);
        sections.add(PushConfiguration.PROVIDER_PREFIX + "event");
        List<String> levels = eventLevels(event);
        for (String level : levels) {
            sections.add(PushConfiguration.PROVIDER_PREFIX + "event." + level);
        }
        if (!providerName.isEmpty()) {
            for (String level : levels) {
                sections.add(PushConfiguration.PROVIDER_PREFIX + providerName + ".event." + level);
            }
        }
        return sections;
    }

    /** {@code chat.newagentmessage} gives {@code chat}, {@code chat.newagentmessage}. */
    private static List<String> eventLevels(String event) {
        List<String> levels = new ArrayList<>();
        if (event == null || event.isBlank()) {
            return levels;
        }
        int dot = event.indexOf('.');
        while (dot > 0) {
            levels.add(event.substring(0, dot));
            dot = event.indexOf('.', dot + 1);
        }
        levels.add(event);
        return levels;
    }
}
