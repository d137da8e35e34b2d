package org.gms.core.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * Every option the server reads, declared once by the module that reads it; the server collects the modules'
 * declarations. {@code etc/gms.ini} documents each of them.
 */
public final class OptionCatalogue {

    private final List<Option> options;

    /** Fails when two declarations name the same option: each option has one owner and one default. */
    public OptionCatalogue(List<Option> options) {
        this.options = List.copyOf(options);
        Set<String> seen = new HashSet<>();
        for (Option option : options) {
            if (!seen.add(option.section() + "/" + option.name())) {
                throw new IllegalArgumentException("Option [" + option.section() + "] " + option.name()
                        + " is declared twice");
            }
        }
    }

    public List<Option> options() {
        return options;
    }

    /** The declaration of {@code [section] name}, or of a wildcard that admits it. */
    public Optional<Option> find(String section, String name) {
        Optional<Option> exact = options.stream()
                .filter(option -> !option.isWildcard() && option.matchesSection(section) && option.name().equals(name))
                .findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        return options.stream().filter(option -> option.isWildcard() && option.matchesSection(section)).findFirst();
    }

    /** The declaration, which must exist: reading an undeclared option is a bug. */
    public Option require(String section, String name) {
        return find(section, name).orElseThrow(() -> new IllegalArgumentException(
                "Option [" + section + "] " + name + " is not declared in the option catalogue"));
    }
}
