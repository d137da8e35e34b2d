package org.gms.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;

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

    public static String text(Object value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }
}
