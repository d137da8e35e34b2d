package org.gms.server.security.logging;

import static org.gms.core.config.ReloadPolicy.IMMEDIATE;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gms.core.config.ConfigView;
import org.gms.core.config.Option;

/**
 * The log masking rules: {@code [log-filter] default-filter-type}, the per-parameter filters of
 * {@code [log-filter-data]} and the attributes {@code [log-hidden-attributes]} suppresses per message type.
 */
public record LogFilterSettings(String defaultFilter, Map<String, String> parameterFilters,
                                Map<String, Set<String>> hiddenAttributes) {

    static final String FILTER_SECTION = "log-filter";
    static final String DATA_SECTION = "log-filter-data";
    static final String HIDDEN_ATTRIBUTES_SECTION = "log-hidden-attributes";

    public static final List<Option> OPTIONS = List.of(
            Option.string(FILTER_SECTION, "default-filter-type", "copy", IMMEDIATE,
                    "Filter of logged request parameters without their own rule: copy, hide, hide-first,n,"
                            + " hide-last,n, unhide-first,n, unhide-last,n, skip, tag(), tag(pre,post)."),
            Option.string(DATA_SECTION, "*", "", IMMEDIATE,
                    "<parameter name> = filter, overriding default-filter-type for that parameter."),
            Option.string(HIDDEN_ATTRIBUTES_SECTION, "*", "", IMMEDIATE,
                    "<Protocol>.<Message> = attributes logged as [output suppressed], comma-separated."));

    public LogFilterSettings {
        parameterFilters = Map.copyOf(parameterFilters);
        hiddenAttributes = Map.copyOf(hiddenAttributes);
    }

    public static LogFilterSettings from(ConfigView config) {
        Map<String, String> filters = new LinkedHashMap<>();
        config.rawSection(DATA_SECTION).forEach((name, filter) -> {
            if (!filter.isBlank()) {
                filters.put(name, filter.strip());
            }
        });
        Map<String, Set<String>> hidden = new LinkedHashMap<>();
        config.rawSection(HIDDEN_ATTRIBUTES_SECTION).forEach((type, listed) -> hidden.put(type,
                Arrays.stream(listed.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                        .collect(Collectors.toUnmodifiableSet())));
        return new LogFilterSettings(config.value(FILTER_SECTION, "default-filter-type"), filters, hidden);
    }

    /** The filter of one parameter: its own, else the default. */
    public String filterOf(String parameter) {
        return parameterFilters.getOrDefault(parameter, defaultFilter);
    }
}
