package org.gms.push.provider.http;

import java.net.URI;

/**
 * A URL as it may appear in a log: scheme, host, port and path only. Callback URLs given by clients may carry
 * credentials in their user-info or tokens in their query, which must never reach a log.
 */
public final class LoggedUrl {

    private LoggedUrl() {
    }

    public static String of(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "<not an http(s) URL>";
            }
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            String hidden = uri.getRawQuery() != null || uri.getRawFragment() != null ? "?…" : "";
            return uri.getScheme() + "://" + uri.getHost() + port + path + hidden;
        } catch (IllegalArgumentException e) {
            return "<not an http(s) URL>";
        }
    }
}
