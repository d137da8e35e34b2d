package org.gms.server.security.headers;

import static org.gms.core.config.ReloadPolicy.IMMEDIATE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.gms.core.config.Option;
import org.gms.server.config.GmsConfig;
import org.gms.server.config.StartProperties;
import org.gms.server.security.UriPattern;

/**
 * The headers added to answers: {@code [server] http-custom-headers}, the rules of {@code [http-header-rules]}
 * (most specific pattern first) and HSTS on HTTPS (from {@code jetty.ssl.stsMaxAgeSeconds} and
 * {@code jetty.ssl.stsIncludeSubdomains}).
 */
public record HeaderSettings(List<HttpField> customHeaders, List<Map.Entry<UriPattern, List<HttpField>>> rules,
                             Optional<HttpField> hsts) {

    static final String RULES_SECTION = "http-header-rules";

    public static final List<Option> OPTIONS = List.of(
            Option.string("server", "http-custom-headers", "", IMMEDIATE,
                    "Header lines added to every answer, separated by |, e.g. X-Frame-Options: SAMEORIGIN."),
            Option.string(RULES_SECTION, "*", "", IMMEDIATE,
                    "<URI pattern, trailing * = prefix> = header lines separated by |, added to matching answers."));

    public HeaderSettings {
        customHeaders = List.copyOf(customHeaders);
        rules = List.copyOf(rules);
    }

    public static HeaderSettings from(GmsConfig config) {
        List<Map.Entry<UriPattern, List<HttpField>>> rules = new ArrayList<>();
        config.rawSection(RULES_SECTION).forEach((pattern, lines) ->
                rules.add(Map.entry(new UriPattern(pattern), HeaderLines.parse(lines))));
        rules.sort(Map.Entry.comparingByKey());
        return new HeaderSettings(HeaderLines.parse(config.value("server", "http-custom-headers")), rules,
                hsts(config.start()));
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
