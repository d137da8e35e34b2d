package org.gms.callback.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gms.core.error.BadRequestException;
import org.gms.core.http.Json;

/** What the callback servlets read of a request: parameters from the query and a JSON or form body, headers. */
final class CallbackRequests {

    static final int MAX_JSON_BYTES = 1_048_576;

    private CallbackRequests() {
    }

    /** Query and body parameters (first value of each); a JSON object body adds its fields as text. */
    static Map<String, String> parameters(HttpServletRequest request) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (isJson(request)) {
            String query = request.getQueryString();
            if (query != null) {
                request.getParameterMap().forEach((name, values) -> {
                    if (values.length > 0) {
                        parameters.put(name, values[0]);
                    }
                });
            }
            parameters.putAll(fields(json(request)));
            return parameters;
        }
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 0) {
                parameters.put(name, values[0]);
            }
        });
        return parameters;
    }

    static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    /** The JSON object body; an empty body is an empty object. */
    static JsonNode json(HttpServletRequest request) throws IOException {
        byte[] bytes = request.getInputStream().readNBytes(MAX_JSON_BYTES + 1);
        if (bytes.length > MAX_JSON_BYTES) {
            throw new BadRequestException("The JSON body is larger than " + MAX_JSON_BYTES + " bytes");
        }
        if (bytes.length == 0) {
            return Json.MAPPER.createObjectNode();
        }
        JsonNode body;
        try {
            body = Json.requireWellFormed(Json.MAPPER.readTree(bytes));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequestException(org.gms.core.http.Json.malformed(e));
        }
        if (body == null || !body.isObject()) {
            throw new BadRequestException("The request body must be a JSON object");
        }
        return body;
    }

    /** A JSON object's fields as text: strings as they are, null as {@code ""}, others as JSON. */
    static Map<String, String> fields(JsonNode body) {
        Map<String, String> fields = new LinkedHashMap<>();
        body.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            fields.put(field.getKey(), value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString());
        });
        return fields;
    }

    static List<String> textList(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new BadRequestException("Field [" + field + "] must be a JSON array of strings");
        }
        List<String> values = new ArrayList<>();
        node.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** Request headers by lower-case name, first value of each. */
    static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return headers;
    }

    static String gmsUser(HttpServletRequest request) {
        String user = request.getHeader("gms_user");
        return user == null ? "" : user.trim();
    }

    /** {@code <scheme>://<host>[:port]/genesys}, as the client reached us. */
    static String baseUrl(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath();
    }
}
