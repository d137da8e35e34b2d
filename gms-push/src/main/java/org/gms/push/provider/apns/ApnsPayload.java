package org.gms.push.provider.apns;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gms.push.api.PushMessage;

/**
 * The APNs JSON payload from the GMS formatting options: {@code apple.alert} (alert text), {@code apple.title} and
 * {@code apple.alertMessage.*} (alert dictionary), {@code apple.badge}, {@code apple.sound},
 * {@code apple.content-available}. Without any alert option the {@code alert} entry is left out, as in GMS. The
 * notification itself travels in the custom keys {@code id}, {@code tag}, {@code message}.
 */
final class ApnsPayload {

    private static final String PREFIX = "apple.alertMessage.";

    private ApnsPayload() {
    }

    static Map<String, Object> of(PushMessage message) {
        Map<String, String> format = message.formatting();
        Map<String, Object> aps = new LinkedHashMap<>();
        Map<String, Object> dictionary = new LinkedHashMap<>();
        put(dictionary, "title", format.get("apple.title"));
        put(dictionary, "body", format.get(PREFIX + "body"));
        put(dictionary, "loc-key", format.get(PREFIX + "loc-key"));
        put(dictionary, "action-loc-key", format.get(PREFIX + "action-loc-key"));
        put(dictionary, "launch-image", format.get(PREFIX + "launch-image"));
        String arguments = format.get(PREFIX + "loc-argnames");
        if (arguments != null && !arguments.isBlank()) {
            dictionary.put("loc-args", java.util.Arrays.stream(arguments.split(",")).map(String::trim).toList());
        }
        String alert = format.get("apple.alert");
        if (!dictionary.isEmpty()) {
            if (alert != null && !alert.isBlank()) {
                dictionary.putIfAbsent("body", alert);
            }
            aps.put("alert", dictionary);
        } else if (alert != null && !alert.isBlank()) {
            aps.put("alert", alert);
        }
        String badge = format.get("apple.badge");
        if (badge != null && !badge.isBlank()) {
            try {
                aps.put("badge", Integer.parseInt(badge.trim()));
            } catch (NumberFormatException e) {
                // a badge that is not a number is left out, as an unset one
            }
        }
        put(aps, "sound", format.get("apple.sound"));
        if ("1".equals(trim(format.get("apple.content-available")))) {
            aps.put("content-available", 1);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("aps", aps);
        payload.put("id", message.subscriptionId());
        payload.put("tag", message.tag());
        payload.put("message", message.message());
        return payload;
    }

    static boolean isBackground(Map<String, Object> payload) {
        @SuppressWarnings("unchecked")
        Map<String, Object> aps = (Map<String, Object>) payload.get("aps");
        return !aps.containsKey("alert") && !aps.containsKey("sound") && !aps.containsKey("badge");
    }

    private static void put(Map<String, Object> into, String key, String value) {
        if (value != null && !value.isBlank()) {
            into.put(key, value.trim());
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
