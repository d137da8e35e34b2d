package org.gms.callback.ors;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.gms.core.http.Json;

/**
 * What one Orchestration Server answered.
 *
 * @param ors         the base URL of the ORS that answered
 * @param status      HTTP status
 * @param contentType its {@code Content-Type}, {@code ""} when it sent none
 * @param body        the body as text
 */
public record OrsAnswer(URI ors, int status, String contentType, String body) {

    /** Where ORS versions put the id of the session they started. */
    static final List<String> SESSION_ID_FIELDS = List.of("sessionid", "sessionId", "_sessionid", "_sessionId");
    private static final int MAX_SESSION_ID = 256;

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** 408, 429 and 5xx may pass; any other refusal will not. */
    public boolean isTransient() {
        return status == 408 || status == 429 || status >= 500;
    }

    /** The started session's id from a JSON body; empty when the body holds none. */
    public Optional<String> sessionId() {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (json == null || !json.isObject()) {
            return Optional.empty();
        }
        for (String field : SESSION_ID_FIELDS) {
            JsonNode value = json.get(field);
            if (value != null && value.isValueNode() && !value.asText().isBlank()
                    && value.asText().length() <= MAX_SESSION_ID) {
                return Optional.of(value.asText().trim());
            }
        }
        return Optional.empty();
    }
}
