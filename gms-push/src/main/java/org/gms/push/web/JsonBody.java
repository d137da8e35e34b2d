package org.gms.push.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.gms.core.error.BadRequestException;
import org.gms.core.error.UnsupportedMediaTypeException;
import org.gms.core.http.Json;

/** The JSON body of a notification request: JSON only, as in GMS. */
final class JsonBody {

    private JsonBody() {
    }

    static JsonNode read(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new UnsupportedMediaTypeException("Content type [" + (type == null ? "" : type)
                    + "] is not supported: the notification API accepts application/json only");
        }
        JsonNode body;
        try {
            body = Json.requireWellFormed(Json.MAPPER.readTree(request.getInputStream()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequestException(org.gms.core.http.Json.malformed(e));
        }
        if (body == null || !body.isObject()) {
            throw new BadRequestException("The request body must be a JSON object");
        }
        return body;
    }

    /** A text field, {@code null} when absent or null; numbers and booleans as their text. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }

    static Integer integer(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException("Wrong value [" + value + "] for " + field + ": a number of seconds is expected");
        }
    }

    /** {@code properties} as strings ({@code "debug": true} and {@code "debug": "true"} alike). */
    static Map<String, String> properties(JsonNode details) {
        if (details == null || !details.path("properties").isObject()) {
            return null;
        }
        Map<String, String> properties = new LinkedHashMap<>();
        details.path("properties").fields().forEachRemaining(entry -> properties.put(entry.getKey(),
                entry.getValue().isValueNode() ? entry.getValue().asText() : entry.getValue().toString()));
        return properties;
    }
}
