package org.gms.callback.config;

import static org.gms.core.config.ReloadPolicy.IMMEDIATE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gms.callback.ors.OrsSettings;
import org.gms.core.config.ConfigView;
import org.gms.core.config.NamedSection;
import org.gms.core.config.Option;

/**
 * What the callback service reads of the configuration: the {@code [callback]} section (server-wide defaults and
 * the query keys), every {@code [service.<name>]} section (callback services, and the office-hours and capacity
 * services they name), and the lists they refer to (pause switchboard, event lists, contact centers).
 *
 * @param services          every {@code [service.<name>]} section, by name
 * @param defaults          {@code [callback]} as set in the files: the fallbacks of the service options
 * @param returnedKeys      keys returned with every record, beside the ones always returned
 * @param filterKeys        extra exact-match filters of the admin queue query
 * @param pollingRate       how often the pause switchboard and the queues are swept
 * @param recoveryRate      how often the recovery pass looks for callbacks whose submission was missed
 * @param logBackground     log every background pass at INFO
 * @param bulkDisabled      the console hides bulk cancel and the exports
 * @param contactCenterList the list of contact centers of the shared mode; empty: not shared
 * @param lists             the lists named by these options, as read
 * @param serverOrs         {@code [ors] _ors} names an Orchestration Server: callback services execute there by
 *                          default
 */
public record CallbackSettings(Map<String, NamedSection> services, Map<String, String> defaults,
                               List<String> returnedKeys, List<String> filterKeys, Duration pollingRate,
                               Duration recoveryRate, boolean logBackground, boolean bulkDisabled,
                               String contactCenterList, Map<String, Map<String, Map<String, String>>> lists,
                               boolean serverOrs) {

    public static final String SECTION = "callback";

    public static final List<Option> OPTIONS = List.of(
            Option.list(SECTION, "returned-keys",
                    "_desired_time,_callback_state,_callback_state,_callback_reason,_ors_session_id", IMMEDIATE,
                    "Keys returned by the callback queries beside _id, _desired_time, _service_name, _callback_state,"
                            + " _expiration_time, _customer_number, _url, _callback_reason and the lookup keys."),
            Option.list(SECTION, "filter-keys",
                    "_callback_state,_callback_reason,_request_queue_time_stat,_request_ewt_service,_vq", IMMEDIATE,
                    "Parameters /genesys/1/admin/callback/queues accepts as exact-match filters."),
            Option.integer(SECTION, "queue-polling-rate", 60, 1, 3600, IMMEDIATE,
                    "Seconds between two sweeps of the queues (pause switchboard, claims of agents)."),
            Option.integer(SECTION, "queue-polling-rate-recover", 3600, 10, 86400, IMMEDIATE,
                    "Seconds between two recovery passes (callbacks whose submission time passed unnoticed,"
                            + " within _queue_poll_period_recovery)."),
            Option.bool(SECTION, "log-background-activity", false, IMMEDIATE,
                    "true: log each background pass at INFO."),
            Option.bool(SECTION, "disable-bulk-cancel-and-export-callback", false, IMMEDIATE,
                    "true: the console hides bulk cancel and the exports (also read from [lab])."),
            Option.bool("lab", "disable-bulk-cancel-and-export-callback", false, IMMEDIATE,
                    "true: the console hides bulk cancel and the exports."),
            Option.string(SECTION, "contact-center-list", "", IMMEDIATE,
                    "Shared mode: list (etc/lists/<name>.ini) whose sections are the contact centers a"
                            + " ContactCenterId header may name; empty: not shared, the header is ignored."));

    public CallbackSettings {
        services = Map.copyOf(services);
        defaults = Map.copyOf(defaults);
        returnedKeys = List.copyOf(new LinkedHashSet<>(returnedKeys));
        filterKeys = List.copyOf(filterKeys);
        lists = Map.copyOf(lists);
    }

    public static CallbackSettings from(ConfigView config) {
        Map<String, NamedSection> services = NamedSection.services(config);
        String contactCenters = config.value(SECTION, "contact-center-list");
        List<String> listNames = new ArrayList<>();
        listNames.add(contactCenters);
        for (NamedSection service : services.values()) {
            listNames.add(service.options().getOrDefault(ServiceOptions.PAUSED_LIST, ServiceOptions.DEFAULT_PAUSED_LIST));
            listNames.add(service.options().getOrDefault(ServiceOptions.EVENTS_LIST, ""));
        }
        listNames.add(ServiceOptions.DEFAULT_PAUSED_LIST);
        Map<String, Map<String, Map<String, String>>> lists = new LinkedHashMap<>();
        for (String name : listNames) {
            String trimmed = name == null ? "" : name.trim();
            if (!trimmed.isEmpty() && !lists.containsKey(trimmed)) {
                config.list(trimmed).ifPresent(list -> lists.put(trimmed, Map.copyOf(list)));
            }
        }
        return new CallbackSettings(services, config.rawSection(SECTION),
                config.listValue(SECTION, "returned-keys"), config.listValue(SECTION, "filter-keys"),
                Duration.ofSeconds(config.intValue(SECTION, "queue-polling-rate")),
                Duration.ofSeconds(config.intValue(SECTION, "queue-polling-rate-recover")),
                config.boolValue(SECTION, "log-background-activity"),
                config.boolValue(SECTION, "disable-bulk-cancel-and-export-callback")
                        || config.boolValue("lab", "disable-bulk-cancel-and-export-callback"),
                contactCenters, lists, !OrsSettings.from(config).urls().isEmpty());
    }

    /** The options of a service for one request. */
    public ServiceOptions options(NamedSection section, Map<String, String> request) {
        return new ServiceOptions(section, request, defaults, serverOrs);
    }

    public Optional<NamedSection> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    /** The callback services: {@code _service=callback}, or {@code _service_type=callback} for a custom one. */
    public List<NamedSection> callbackServices() {
        return services.values().stream().filter(ServiceOptions::isCallbackService).toList();
    }

    public Optional<Map<String, Map<String, String>>> list(String name) {
        return Optional.ofNullable(lists.get(name == null ? "" : name.trim()));
    }

    public boolean sharedMode() {
        return !contactCenterList.isBlank();
    }
}
