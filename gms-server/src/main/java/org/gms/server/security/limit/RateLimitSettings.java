package org.gms.server.security.limit;

import static org.gms.core.config.ReloadPolicy.IMMEDIATE;

import java.util.List;
import org.gms.core.config.ConfigView;
import org.gms.core.config.Option;
import org.gms.server.security.AddressList;

/** {@code [rate-limit]}: the per-client limit, who is exempt, and which proxies may name the client. */
public record RateLimitSettings(boolean enabled, int maxRequestsPerSecond, List<String> allowList,
                                List<String> trustedProxies) {

    static final String SECTION = "rate-limit";

    public static final List<Option> OPTIONS = List.of(
            Option.bool(SECTION, "enabled", false, IMMEDIATE,
                    "Limit the requests per second of each client (answer 429); off by default, as the GMS DoS filter."),
            Option.integer(SECTION, "max-requests-per-second", 25, 1, 100000, IMMEDIATE,
                    "Requests one client may send per second (GMS DoS filter default)."),
            Option.list(SECTION, "allow-list", "127.0.0.1,::1", IMMEDIATE,
                    "Client addresses never limited."),
            Option.list(SECTION, "trusted-proxies", "", IMMEDIATE,
                    "Proxy addresses whose X-Forwarded-For header names the client; other clients' header is ignored."));

    public RateLimitSettings {
        allowList = List.copyOf(allowList);
        trustedProxies = List.copyOf(trustedProxies);
    }

    public static RateLimitSettings from(ConfigView config) {
        return new RateLimitSettings(config.boolValue(SECTION, "enabled"),
                config.intValue(SECTION, "max-requests-per-second"),
                AddressList.parse(config.value(SECTION, "allow-list")),
                AddressList.parse(config.value(SECTION, "trusted-proxies")));
    }
}
