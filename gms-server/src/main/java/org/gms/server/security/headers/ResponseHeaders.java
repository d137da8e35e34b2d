package org.gms.server.security.headers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.gms.server.security.UriPattern;

/**
 * Which headers an answer gets. The first field of a name wins, so they are listed most specific first: path rules
 * (longest pattern first), then the custom headers, then HSTS on HTTPS.
 */
public final class ResponseHeaders {

    private ResponseHeaders() {
    }

    public static List<HttpField> forRequest(HeaderSettings settings, String path, boolean secure) {
        List<HttpField> fields = new ArrayList<>();
        for (Map.Entry<UriPattern, List<HttpField>> rule : settings.rules()) {
            if (rule.getKey().matches(path)) {
                fields.addAll(rule.getValue());
            }
        }
        fields.addAll(settings.customHeaders());
        if (secure) {
            settings.hsts().ifPresent(fields::add);
        }
        return fields;
    }
}
