package org.gms.callback.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gms.callback.config.ServiceOptions;
import org.gms.storage.callback.StoredCallback;

/** The wire form of a stored callback, as the queries return it. */
final class Records {

    private Records() {
    }

    /**
     * {@code _id}, {@code _service_name}, {@code _callback_state}, {@code _callback_reason} (when set),
     * {@code _desired_time}, {@code _expiration_time} (seconds left), then every stored field (user data and the
     * {@code _} fields sent), then the extra fields asked for that a record holds.
     */
    static Map<String, Object> render(StoredCallback callback, List<String> returnedKeys, Clock clock) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("_id", callback.id());
        record.put("_service_name", callback.service());
        record.put("_callback_state", callback.state());
        if (!callback.reason().isEmpty()) {
            record.put("_callback_reason", callback.reason());
        }
        record.put("_desired_time", Times.format(callback.desiredTime()));
        record.put("_expiration_time", Long.toString(Math.max(0,
                Duration.between(clock.instant(), callback.expiresAt()).toSeconds())));
        if (!callback.agent().isEmpty()) {
            record.put("_agent_id", callback.agent());
        }
        callback.data().forEach(record::putIfAbsent);
        for (String key : returnedKeys) {
            Object value = field(callback, key);
            if (value != null) {
                record.putIfAbsent(key, value);
            }
        }
        return record;
    }

    /** A field of the record by its wire name, {@code null} when it has none. */
    static String field(StoredCallback callback, String key) {
        return switch (key) {
            case "_id", "_service_id" -> callback.id();
            case "_service_name" -> callback.service();
            case "_callback_state" -> callback.state();
            case "_callback_reason" -> callback.reason().isEmpty() ? null : callback.reason();
            case "_desired_time" -> Times.format(callback.desiredTime());
            case "_urs_virtual_queue", "_vq" -> callback.data().getOrDefault(key, callback.queue());
            case "_agent_id" -> callback.agent().isEmpty() ? null : callback.agent();
            default -> callback.data().get(key);
        };
    }

    /** The answer of a create: the dialog of the service's {@code _call_direction}. */
    static Map<String, Object> dialog(ServiceOptions options, StoredCallback callback) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("_id", callback.id());
        if (options.callDirection().equals(ServiceOptions.USER_ORIGINATED)) {
            String number = dialNumber(options);
            answer.put("_action", "DialNumber");
            answer.put("_tel_url", "tel:" + number);
            answer.put("_label", "Call " + number);
            answer.put("_dialog_id", "0");
        } else {
            answer.put("_action", "ConfirmationDialog");
            answer.put("_text", "You will receive the call shortly");
            answer.put("_ok_title", "Ok");
            answer.put("_dialog_id", "0");
        }
        return answer;
    }

    /** The number a user-originated callback dials: the DN of {@code _route_point} ({@code 8999@SIP_Switch}). */
    private static String dialNumber(ServiceOptions options) {
        String routePoint = options.value("_route_point");
        int at = routePoint.indexOf('@');
        return at > 0 ? routePoint.substring(0, at) : routePoint;
    }
}
