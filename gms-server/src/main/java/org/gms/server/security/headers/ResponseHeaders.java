package org.gms.server.security.headers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.gms.server.config.GmsConfig;
import org.gms.server.config.StartProperties;
import org.gms.server.security.UriPattern;

/**
 * Which headers an answer gets: HSTS on HTTPS (from {@code jetty.ssl.stsMaxAgeSeconds} and
 * {@code jetty.ssl.stsIncludeSubdomains}), {@code [server] http-custom-headers} and the rules of
 * {@code [http-header-rules]} whose pattern matches. The first field of a name wins, so they are listed most specific
 * first: path rules (longest pattern first), then the custom headers, then HSTS.
 */
public final class ResponseHeaders {

    public static final String RULES_SECTION = "http-header-rules";

    private ResponseHeaders() {
    }

    public static List<HttpField> forRequest(GmsConfig config, String path, boolean secure) {
        List<HttpField> fields = new ArrayList<>();
        List<Map.Entry<UriPattern, String>> rules = new ArrayList<>();
        config.rawSection(RULES_SECTION).forEach((pattern, lines) -> {
            UriPattern uri = new UriPattern(pattern);
            if (uri.matches(path)) {
                rules.add(Map.entry(uri, lines));
            }
        });
        rules.sort(Map.Entry.comparingByKey());
        rules.forEach(rule -> fields.addAll(HeaderLines.parse(rule.getValue())));
        fields.addAll(HeaderLines.parse(config.value("server", "http-custom-headers")));
        if (secure) {
            hsts(config.start()).ifPresent(fields::add);
        }
        return fields;
    }

    static Optional<HttpField> hsts(StartProperties start) {
        long maxAge;
        try {
            maxAge = Long.parseLong(start.get("jetty.ssl.stsMaxAgeSeconds").strip());
        } catch (NumberFormatException e) {
            maxAge = -1;
        }
        if (maxAge < 0) {
            return Optional.empty();
        }
        boolean subdomains = Boolean.parseBoolean(start.get("jetty.ssl.stsIncludeSubdomains"));
        return Optional.of(new HttpField("Strict-Transport-Security",
                "max-age=" + maxAge + (subdomains ? "; includeSubDomains" : "")));
    }
}
