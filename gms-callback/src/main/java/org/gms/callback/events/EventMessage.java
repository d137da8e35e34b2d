package org.gms.callback.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gms.callback.engine.Times;
import org.gms.storage.callback.StoredCallback;

/**
 * The message of one event: the JSON text {@code {"event":"<name>","_id":"<id>","_callback_state":"<state>", ...}}
 * followed by the {@code notify_params} the record holds, by their wire names; a param it does not hold is left out.
 */
public final class EventMessage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventMessage() {
    }

    public static String render(String event, StoredCallback callback, List<String> params, Instant now) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("event", event);
        body.put("_id", callback.id());
        body.put("_callback_state", callback.state());
        for (String param : params) {
            String value = field(callback, param, now);
            if (value != null) {
                body.putIfAbsent(param, value);
            }
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always renders", e);
        }
    }

    /** A field by its wire name, {@code null} when the record has none. */
    static String field(StoredCallback callback, String key, Instant now) {
        return switch (key) {
            case "_id", "_service_id" -> callback.id();
            case "_service_name" -> callback.service();
            case "_callback_state" -> callback.state();
            case "_callback_reason" -> callback.reason().isEmpty() ? null : callback.reason();
            case "_desired_time" -> Times.format(callback.desiredTime());
            case "_expiration_time" -> Long.toString(Math.max(0,
                    Duration.between(now, callback.expiresAt()).toSeconds()));
            // the virtual queue the callback waits in, under each name GMS and ORS strategies use for it
            case "_urs_virtual_queue", "_vq", "_v_queue" -> callback.data().getOrDefault(key, callback.queue());
            case "_agent_id" -> callback.agent().isEmpty() ? null : callback.agent();
            default -> callback.data().get(key);
        };
    }
}
