package org.gms.callback.ors;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gms.callback.config.ServiceOptions;
import org.gms.core.config.NamedSection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Orchestration Servers one request goes to: the service's {@code _ors} and {@code _ors_lb_strategy} (after
 * {@code $token$} substitution; a request value only when {@code _overwritable_options} lists the option), else the
 * server-wide ones.
 *
 * @param urls     the base URLs ({@code http://host:port}, no trailing slash), in the order configured
 * @param strategy how they are tried
 */
public record OrsTarget(List<URI> urls, LoadBalancing strategy) {

    private static final Logger LOG = LoggerFactory.getLogger(OrsTarget.class);
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    public OrsTarget {
        urls = List.copyOf(urls);
    }

    public static OrsTarget of(NamedSection section, Map<String, String> request, OrsSettings defaults) {
        String ownUrls = option(section, request, OrsSettings.URLS);
        List<String> entries = ownUrls.isEmpty() ? defaults.urls() : ServiceOptions.csv(ownUrls);
        List<URI> urls = new ArrayList<>();
        for (String entry : entries) {
            URI url = parse(entry);
            if (url == null) {
                // the value is not logged: a malformed URL may still carry credentials
                warnOnce("An entry of option [" + OrsSettings.URLS + "] for [" + section.section()
                        + "] is not an http(s) URL; it is skipped");
            } else {
                urls.add(url);
            }
        }
        String ownStrategy = option(section, request, OrsSettings.STRATEGY);
        LoadBalancing strategy = defaults.strategy();
        if (!ownStrategy.isEmpty()) {
            Optional<LoadBalancing> named = LoadBalancing.parse(ownStrategy);
            if (named.isPresent()) {
                strategy = named.get();
            } else {
                warnOnce("Wrong value [" + ownStrategy + "] for option [" + OrsSettings.STRATEGY + "] of ["
                        + section.section() + "]; using " + strategy.optionValue());
            }
        }
        return new OrsTarget(urls, strategy);
    }

    /** The section's value of an option, or the request's when the section lets requests override it. */
    static String option(NamedSection section, Map<String, String> request, String name) {
        if (ServiceOptions.csv(section.options().getOrDefault("_overwritable_options", "")).contains(name)
                && request.containsKey(name)) {
            return ServiceOptions.clean(request.get(name));
        }
        return ServiceOptions.clean(NamedSection.substitute(section.options().getOrDefault(name, ""), request));
    }

    private static URI parse(String entry) {
        try {
            String trimmed = entry.trim();
            while (trimmed.endsWith("/")) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            }
            URI uri = URI.create(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return null;
            }
            return uri;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }


    private static void warnOnce(String warning) {
        if (WARNED.size() < 10_000 && WARNED.add(warning)) {
            LOG.warn(warning);
        }
    }
}
