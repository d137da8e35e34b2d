package org.gms.server.console;

import static org.gms.core.config.ReloadPolicy.IMMEDIATE;

import java.nio.file.Path;
import java.util.List;
import org.gms.core.config.ConfigView;
import org.gms.core.config.Option;

/**
 * The web console's options: whether the customer-side sample is served at all, and the installation's
 * {@code files/} folder, where an operator adds a language ({@code files/<lang>/locale.js}, listed in
 * {@code files/locale.js}) or replaces a shipped one.
 */
public record ConsoleSettings(boolean sampleEnabled, Path files) {

    public static final List<Option> OPTIONS = List.of(
            Option.bool("server", "enable-sample", false, IMMEDIATE,
                    "true: the console serves Lab > Sample (/genesys/home/sample/), the customer-side sample;"
                            + " false: its files are not served at all."));

    public static ConsoleSettings from(ConfigView config) {
        return new ConsoleSettings(config.boolValue("server", "enable-sample"),
                config.home().resolve("files").toAbsolutePath().normalize());
    }
}
