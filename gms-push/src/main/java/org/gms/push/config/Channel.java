package org.gms.push.config;

import java.util.Map;

/**
 * The resolved settings of one push channel.
 *
 * @param providerName provider name ({@code ""}: the {@code [push]} defaults)
 * @param section      section the options come from
 * @param type         push type
 * @param debug        the debug (sandbox) twin
 * @param options      provider options, with {@code debug.X} already applied to a debug channel
 */
public record Channel(String providerName, String section, String type, boolean debug, Map<String, String> options) {

    public Channel {
        options = Map.copyOf(options);
    }

    public String option(String name) {
        String value = options.get(name);
        return value == null ? "" : value.trim();
    }

    public String option(String name, String defaultValue) {
        String value = option(name);
        return value.isEmpty() ? defaultValue : value;
    }
}
