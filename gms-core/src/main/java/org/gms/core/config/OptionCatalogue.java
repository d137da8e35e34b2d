package org.gms.core.config;

import java.util.List;
import java.util.Optional;

/**
 * Every option the server reads, declared once by the module that reads it; the server collects the modules'
 * declarations. {@code etc/gms.ini} documents each of them.
 */
public final class OptionCatalogue {

    private final List<Option> options;

    public OptionCatalogue(List<Option> options) {
        this.options = List.copyOf(options);
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
