package org.gms.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import org.gms.core.error.BadRequestException;

/** The one JSON mapper of the HTTP layer. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * What is wrong with a request's JSON, in words for its sender: the parser's reason and where, without the
     * parser's own advice, source excerpts or class names.
     */
    public static String malformed(JsonProcessingException e) {
        String reason = e.getOriginalMessage() == null ? "unreadable JSON" : e.getOriginalMessage();
        reason = reason.replaceAll("\\[Source:[^\\]]*\\]", "")
                .replaceAll("\\s*\\((?:for [^()]*|start marker at|through reference chain[^()]*)\\s*\\)", "")
                .replaceAll("\\s*\\(`?StreamReadFeature[^)]*\\)", "");
        int line = reason.indexOf('\n');
        if (line >= 0) {
            reason = reason.substring(0, line);
        }
        reason = reason.replaceAll("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*){2,}", "a value").trim();
        var location = e.getLocation();
        String where = location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return "Malformed JSON body" + where + ": " + reason;
    }

    /** What a request is told when its text holds a lone surrogate, which no store or client can encode. */
    public static final String LONE_SURROGATE = "Text must be valid Unicode: a lone surrogate (\\ud800-\\udfff) is not";

    /** Whether the text is well-formed UTF-16: every surrogate is half of a pair. */
    public static boolean wellFormed(CharSequence text) {
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            if (Character.isHighSurrogate(character) && index + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(index + 1))) {
                index++;
            } else if (Character.isSurrogate(character)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Refuses (400) a parsed body with a lone surrogate in a field name or a string: JSON escapes such as
     * {@code "\\ud800"} parse, but the storage's encoder and UTF-8 clients cannot carry them.
     */
    public static JsonNode requireWellFormed(JsonNode node) {
        if (node.isTextual() && !wellFormed(node.textValue())) {
            throw new BadRequestException(LONE_SURROGATE);
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (!wellFormed(field.getKey())) {
                    throw new BadRequestException(LONE_SURROGATE);
                }
                requireWellFormed(field.getValue());
            });
        } else if (node.isArray()) {
            node.forEach(Json::requireWellFormed);
        }
        return node;
    }

    public static String text(Object value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }
}
