package org.gms.server.security;

import static org.gms.core.config.ReloadPolicy.IMMEDIATE;
import static org.gms.core.config.ReloadPolicy.RESTART;

import java.util.List;
import org.gms.core.config.ConfigView;
import org.gms.core.config.Option;

/** The transport rules of {@code [server]}: HTTPS only, and the largest request body. */
public record SecuritySettings(boolean httpsOnly, long maxRequestSize) {

    public static final List<Option> OPTIONS = List.of(
            Option.bool("server", "https-only", false, IMMEDIATE,
                    "Answer plain HTTP with 301 to the HTTPS port (except /genesys/1/node); needs the HTTPS connector."),
            Option.integer("server", "max-request-size", 10485760, 0, 2147483647L, RESTART,
                    "Largest request body in bytes (413 beyond it); 0: no limit."));

    public static SecuritySettings from(ConfigView config) {
        return new SecuritySettings(config.boolValue("server", "https-only"),
                config.longValue("server", "max-request-size"));
    }
}
