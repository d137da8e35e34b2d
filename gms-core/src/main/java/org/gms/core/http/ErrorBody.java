package org.gms.core.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** The GMS v1 error body: {@code {"exception":"<class name>","message":"<text>"}}, exception first. */
public record ErrorBody(int status, String exception, String message) {

    public static final String CONTENT_TYPE = "application/json;charset=utf-8";

    public byte[] bytes() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("exception", exception);
        body.put("message", message == null ? "" : message);
        return Json.bytes(body);
    }
}
