package org.gms.callback.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gms.callback.config.CallbackSettings;
import org.gms.callback.config.ServiceOptions;

/**
 * How one callback service publishes the events of its callbacks, from its {@code _enable_status_notification},
 * {@code _status_notification_*} and {@code _callback_events_list} options. Each of the first is the service's
 * value, else the value in the {@code [properties]} section of its event list.
 *
 * @param type     {@code _status_notification_type}: push type of the target's subscription, {@code ""}: none
 * @param target   {@code _status_notification_target}: its device id (the URL of an {@code httpcb} target)
 * @param provider {@code _status_notification_provider}: its named provider, {@code ""}: the {@code [push]} one
 * @param events   the events published, each with its {@code notify_params}: the sections of the event list, or
 *                 {@link StateEvents#GMS_EVENTS} with {@link #DEFAULT_PARAMS} when the service names no list
 */
public record EventOptions(String type, String target, String provider, Map<String, List<String>> events) {

    public static final String ENABLE = "_enable_status_notification";
    public static final String SUBSCRIBE_NOTIFY = "subscribe_notify";
    public static final String TYPE = "_status_notification_type";
    public static final String TARGET = "_status_notification_target";
    public static final String PROVIDER = "_status_notification_provider";
    /** The section of an event list that holds options rather than an event. */
    public static final String PROPERTIES = "properties";
    public static final String NOTIFY_PARAMS = "notify_params";
    public static final List<String> DEFAULT_PARAMS = List.of("_id", "_service_name", "_callback_state",
            "_callback_reason", "_desired_time", "_customer_number");

    public EventOptions {
        events = Map.copyOf(events);
    }

    /** The options of a service, empty when it does not publish ({@code _enable_status_notification} not set). */
    public static Optional<EventOptions> of(ServiceOptions options, CallbackSettings settings) {
        String listName = options.value(ServiceOptions.EVENTS_LIST);
        Optional<Map<String, Map<String, String>>> list = listName.isEmpty() ? Optional.empty()
                : settings.list(listName);
        Map<String, String> properties = list.map(sections -> sections.getOrDefault(PROPERTIES, Map.of()))
                .orElse(Map.of());
        String enable = pick(options, properties, ENABLE);
        if (!enable.equalsIgnoreCase(SUBSCRIBE_NOTIFY)) {
            if (!enable.isEmpty() && !enable.equalsIgnoreCase("false")) {
                options.warn(ENABLE, enable);
            }
            return Optional.empty();
        }
        if (!listName.isEmpty() && list.isEmpty()) {
            // logged with " of service [s]; using the default": the GMS events with the default params
            options.warnOnce("Missing list [" + listName + "] (etc/lists/" + listName + ".ini) named by option ["
                    + ServiceOptions.EVENTS_LIST + "]");
        }
        Map<String, List<String>> events = new LinkedHashMap<>();
        if (list.isPresent()) {
            list.get().forEach((section, keys) -> {
                if (!section.equals(PROPERTIES)) {
                    List<String> params = ServiceOptions.csv(clean(keys.get(NOTIFY_PARAMS)));
                    events.put(section, params.isEmpty() ? DEFAULT_PARAMS : params);
                }
            });
        } else {
            StateEvents.GMS_EVENTS.forEach(event -> events.put(event, DEFAULT_PARAMS));
        }
        String type = pick(options, properties, TYPE);
        String target = pick(options, properties, TARGET);
        if (type.isEmpty() && !target.isEmpty()) {
            options.warnOnce("Missing value for option [" + TYPE + "] (needed by [" + TARGET + "])");
        }
        return Optional.of(new EventOptions(type, target, pick(options, properties, PROVIDER), events));
    }

    /** Whether a new callback subscribes the target to its tag. */
    public boolean subscribesTarget() {
        return !type.isEmpty();
    }

    private static String pick(ServiceOptions options, Map<String, String> properties, String name) {
        String own = options.value(name);
        return own.isEmpty() ? clean(properties.get(name)) : own;
    }

    /** A list value; {@code ""} written as two quotes (as Configuration Manager shows an empty value) is empty. */
    private static String clean(String value) {
        String trimmed = value == null ? "" : value.trim();
        return trimmed.equals("\"\"") ? "" : trimmed;
    }
}
