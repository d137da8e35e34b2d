package org.gms.chat.cometd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gms.chat.api.ChatException;
import org.gms.storage.chat.StoredChatEvent;

/** What the chat CometD services read of a message's {@code data}, and how they keep transcripts gap-free. */
final class CometMessages {

    private CometMessages() {
    }

    /** A field as text, or null when absent. */
    static String text(Map<String, Object> data, String name) {
        Object value = data.get(name);
        return value == null ? null : value.toString();
    }

    /** A {@code userData} object, its values as text. */
    static Map<String, String> userData(Map<String, Object> data) {
        Map<String, String> userData = new LinkedHashMap<>();
        if (data.get("userData") instanceof Map<?, ?> fields) {
            fields.forEach((key, value) -> {
                if (key != null && value != null) {
                    userData.put(key.toString(), value.toString());
                }
            });
        }
        return userData;
    }

    /** {@code transcriptPosition} (a number or a numeric string), or null when absent. */
    static Integer position(Map<String, Object> data) {
        Object value = data.get("transcriptPosition");
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            long position = value instanceof Number number ? number.longValue() : Long.parseLong(value.toString().trim());
            if (position < 0 || position > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return (int) position;
        } catch (NumberFormatException e) {
            throw ChatException.badRequest("transcriptPosition must be a non-negative integer");
        }
    }

    /**
     * The events from index {@code from} on without a gap: reading stops before the first missing index (an event
     * not readable yet is delivered by a later read, never skipped).
     */
    static List<StoredChatEvent> contiguous(List<StoredChatEvent> events, int from) {
        List<StoredChatEvent> kept = new ArrayList<>(events.size());
        int expected = from;
        for (StoredChatEvent event : events) {
            if (event.index() < expected) {
                continue;
            }
            if (event.index() != expected) {
                break;
            }
            kept.add(event);
            expected++;
        }
        return kept;
    }
}
