package org.gms.core.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The GMS v1 error body: {@code {"exception":"<class name>","message":"<text>"}}, exception first, then any details
 * the error adds (a refused reschedule adds {@code availability}).
 */
public record ErrorBody(int status, String exception, String message, Map<String, Object> details) {

    public static final String CONTENT_TYPE = "application/json;charset=utf-8";

    public ErrorBody {
        details = Map.copyOf(details);
    }

    public ErrorBody(int status, String exception, String message) {
        this(status, exception, message, Map.of());
    }

    public byte[] bytes() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("exception", exception);
        body.put("message", message == null ? "" : message);
        details.forEach(body::putIfAbsent);
        return Json.bytes(body);
    }
}
