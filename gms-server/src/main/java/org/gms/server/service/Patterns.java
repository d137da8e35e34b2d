package org.gms.server.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.gms.core.error.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pattern matcher: each section of {@code etc/lists/<[resources] patterns_list_name>.ini} is a group of named
 * Java regexes. Compiled once per version of the list; a regex that does not compile is reported and left out.
 */
final class Patterns {

    private static final Logger LOG = LoggerFactory.getLogger(Patterns.class);

    private record NamedPattern(String name, Pattern pattern) {
    }

    private record Compiled(Object source, Map<String, List<NamedPattern>> groups) {
    }

    private final Supplier<ServiceSettings> settings;
    private final AtomicReference<Compiled> compiled = new AtomicReference<>(new Compiled(null, Map.of()));

    Patterns(Supplier<ServiceSettings> settings) {
        this.settings = settings;
    }

    /** For each field, the name of the first pattern that its value matches; fields that match none are left out. */
    Map<String, String> match(Map<String, String> fields, Optional<String> group) {
        Map<String, List<NamedPattern>> groups = groups();
        List<NamedPattern> patterns = new ArrayList<>();
        if (group.isPresent()) {
            List<NamedPattern> selected = groups.get(group.get());
            if (selected == null) {
                throw new NotFoundException("Pattern group [" + group.get() + "] is not configured");
            }
            patterns.addAll(selected);
        } else {
            groups.values().forEach(patterns::addAll);
        }
        Map<String, String> result = new LinkedHashMap<>();
        fields.forEach((field, value) -> {
            for (NamedPattern pattern : patterns) {
                if (pattern.pattern().matcher(value).find()) {
                    result.put(field, pattern.name());
                    return;
                }
            }
        });
        return result;
    }

    private Map<String, List<NamedPattern>> groups() {
        Map<String, Map<String, String>> list = settings.get().patternGroups();
        Compiled known = compiled.get();
        if (known.source() == list) {
            return known.groups();
        }
        Map<String, List<NamedPattern>> groups = new LinkedHashMap<>();
        list.forEach((group, patterns) -> {
            List<NamedPattern> named = new ArrayList<>();
            patterns.forEach((name, regex) -> {
                try {
                    named.add(new NamedPattern(name, Pattern.compile(regex.trim())));
                } catch (PatternSyntaxException e) {
                    LOG.warn("Pattern [{}] of group [{}] is not a Java regex and is ignored: {}", name, group,
                            e.getDescription());
                }
            });
            groups.put(group, Collections.unmodifiableList(named));
        });
        compiled.set(new Compiled(list, groups));
        return groups;
    }
}
