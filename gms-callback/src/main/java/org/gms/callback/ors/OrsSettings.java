package org.gms.callback.ors;

import static org.gms.core.config.ReloadPolicy.IMMEDIATE;

import java.time.Duration;
import java.util.List;
import org.gms.core.config.ConfigView;
import org.gms.core.config.Option;

/**
 * The server-wide Orchestration Server options, the fallbacks of a service's {@code _ors} and
 * {@code _ors_lb_strategy}: {@code [ors]}, else {@code [server]} (where GMS 8.5.107 put the list).
 *
 * @param urls           the ORS URLs ({@code http://host:port}), in the order written; empty: none configured
 * @param strategy       how the URLs are tried
 * @param connectTimeout how long a connection to one ORS may take before the next one is tried
 * @param requestTimeout how long one ORS may take to answer a request, the connection included
 */
public record OrsSettings(List<String> urls, LoadBalancing strategy, Duration connectTimeout,
                          Duration requestTimeout) {

    public static final String SECTION = "ors";
    public static final String URLS = "_ors";
    public static final String STRATEGY = "_ors_lb_strategy";
    public static final LoadBalancing DEFAULT_STRATEGY = LoadBalancing.CIRCULAR;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final List<String> STRATEGIES = List.of("circular", "linear");

    public static final List<Option> OPTIONS = List.of(
            Option.list(SECTION, URLS, "", IMMEDIATE,
                    "Orchestration Server URLs (http://host:port, comma-separated) of the ORS services and the ors"
                            + " callback execution whose section sets no _ors; empty: [server] _ors."),
            Option.oneOf(SECTION, STRATEGY, "", STRATEGIES, IMMEDIATE,
                    "How those URLs are tried: linear (in order) or circular (round robin, then the next ones);"
                            + " empty: [server] _ors_lb_strategy, else circular."),
            Option.list("server", URLS, "", IMMEDIATE,
                    "Orchestration Server URLs as GMS 8.5.107 placed them; [ors] _ors wins."),
            Option.oneOf("server", STRATEGY, "", STRATEGIES, IMMEDIATE,
                    "linear or circular as GMS 8.5.107 placed it; [ors] _ors_lb_strategy wins; empty: circular."));

    public OrsSettings {
        urls = List.copyOf(urls);
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.compareTo(connectTimeout) < 0) {
            throw new IllegalArgumentException("[ors] timeouts must be positive, the request one at least the"
                    + " connect one");
        }
    }

    /** No server-wide URL: only services that set {@code _ors} reach an ORS. */
    public static OrsSettings defaults() {
        return new OrsSettings(List.of(), DEFAULT_STRATEGY, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    public static OrsSettings from(ConfigView config) {
        List<String> urls = config.listValue(SECTION, URLS);
        if (urls.isEmpty()) {
            urls = config.listValue("server", URLS);
        }
        String strategy = config.value(SECTION, STRATEGY);
        if (strategy.isBlank()) {
            strategy = config.value("server", STRATEGY);
        }
        return new OrsSettings(urls, LoadBalancing.parse(strategy).orElse(DEFAULT_STRATEGY),
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }
}
