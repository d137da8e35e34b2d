package org.gms.server.security.ports;

import static org.gms.core.config.ReloadPolicy.IMMEDIATE;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.gms.core.config.ConfigView;
import org.gms.core.config.Option;
import org.gms.server.security.UriPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of {@code [port_restrictions]}: a restricted URI is served only on its ports; the most specific pattern
 * wins; a URI no pattern matches is served on every port. A rule with a wrong value is left out (and logged).
 */
public final class PortRestrictions {

    public static final String SECTION = "port_restrictions";
    private static final Logger LOG = LoggerFactory.getLogger(PortRestrictions.class);

    private final List<Rule> rules;

    private PortRestrictions(List<Rule> rules) {
        this.rules = rules;
    }

    public static final List<Option> OPTIONS = List.of(Option.string(SECTION, "*", "", IMMEDIATE,
            "<URI pattern, trailing * = prefix> = ports and ranges, e.g. /genesys/1/storage* = 8081,8090-8092;"
                    + " each listed port gets a connector (restart)."));

    public static PortRestrictions from(ConfigView config) {
        return from(config.rawSection(SECTION));
    }

    /** Whether any URI is restricted. */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public static PortRestrictions from(Map<String, String> section) {
        List<Rule> rules = new ArrayList<>();
        section.forEach((pattern, ports) -> {
            try {
                rules.add(new Rule(new UriPattern(pattern), PortList.parse(ports)));
            } catch (IllegalArgumentException e) {
                LOG.warn("{}; the rule for {} is ignored", e.getMessage(), pattern);
            }
        });
        rules.sort((left, right) -> left.pattern.compareTo(right.pattern));
        return new PortRestrictions(Collections.unmodifiableList(rules));
    }

    /** The ports allowed for {@code path}, or empty when it is not restricted. */
    public Optional<Set<Integer>> portsFor(String path) {
        return rules.stream().filter(rule -> rule.pattern.matches(path)).findFirst().map(Rule::ports);
    }

    public boolean allows(String path, int localPort) {
        return portsFor(path).map(ports -> ports.contains(localPort)).orElse(true);
    }

    /** Every port some rule names: each needs a connector. */
    public Set<Integer> ports() {
        Set<Integer> all = new TreeSet<>();
        rules.forEach(rule -> all.addAll(rule.ports));
        return all;
    }

    private record Rule(UriPattern pattern, Set<Integer> ports) {
    }
}
