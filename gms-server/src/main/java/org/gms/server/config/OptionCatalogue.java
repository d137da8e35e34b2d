package org.gms.server.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every option the server reads, declared once. {@code etc/gms.ini} documents each of them. */
public final class OptionCatalogue {

    private final List<Option> options;

    public OptionCatalogue(List<Option> options) {
        this.options = List.copyOf(options);
    }

    /** The options of every feature of the server. */
    public static OptionCatalogue standard() {
        List<Option> all = new ArrayList<>();
        all.addAll(CoreOptions.OPTIONS);
        all.addAll(ClusterOptions.OPTIONS);
        all.addAll(SecurityOptions.OPTIONS);
        all.addAll(ServiceOptions.OPTIONS);
        all.addAll(StorageApiOptions.OPTIONS);
        all.addAll(PushOptions.OPTIONS);
        return new OptionCatalogue(all);
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
