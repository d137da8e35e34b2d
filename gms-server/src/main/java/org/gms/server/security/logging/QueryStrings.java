package org.gms.server.security.logging;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Masks the values of a query string ({@code a=1&password=x}) for a log line, leaving skipped pairs out. */
public final class QueryStrings {

    private QueryStrings() {
    }

    public static String mask(String query, LogMasking masking) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringJoiner masked = new StringJoiner("&");
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            masking.mask(name, value).ifPresent(shown -> masked.add(encode(name) + "=" + encode(shown)));
        }
        return masked.toString();
    }

    /** The pairs of a query string, decoded, in order; a repeated name keeps its values together. */
    public static Map<String, List<String>> parse(String query) {
        Map<String, List<String>> pairs = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return pairs;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            pairs.computeIfAbsent(name, key -> new ArrayList<>()).add(equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return pairs;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String encode(String text) {
        // keep the suppressed marker and stars readable in the log
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("%5B", "[").replace("%5D", "]")
                .replace("+", "%20").replace("%2A", "*");
    }
}
