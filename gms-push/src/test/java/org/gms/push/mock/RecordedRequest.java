package org.gms.push.mock;

import java.util.Map;

/** One request a mock server received. */
public record RecordedRequest(String method, String path, Map<String, String> headers, String body,
                              boolean clientCertificate, long receivedNanos) {

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
