package org.gms.server.security;

import org.eclipse.jetty.server.Request;

/** The path security rules are matched against: decoded, dot segments resolved, repeated slashes collapsed. */
public final class RequestPaths {

    private RequestPaths() {
    }

    public static String of(Request request) {
        String path = request.getHttpURI().getCanonicalPath();
        if (path == null) {
            path = request.getHttpURI().getPath();
        }
        return path == null ? "/" : path.replaceAll("/{2,}", "/");
    }
}
