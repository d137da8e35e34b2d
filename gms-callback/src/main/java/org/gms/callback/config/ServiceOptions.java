package org.gms.callback.config;

import static org.gms.core.config.ReloadPolicy.IMMEDIATE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gms.core.config.NamedSection;
import org.gms.core.config.Option;
import org.gms.core.config.OptionFamily;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The options of one callback service for one request: the {@code [service.<name>]} value (after {@code $token$}
 * substitution and {@code _overwritable_options}), else the {@code [callback]} value for the options that have one,
 * else the built-in default. Empty means absent. An invalid value falls back to the built-in default and logs
 * {@code Wrong value [v] for option [opt]} once.
 */
public final class ServiceOptions {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceOptions.class);
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
    private static final String S = OptionFamily.SERVICE;

    public static final String PAUSED_LIST = "_paused_services_list";
    public static final String DEFAULT_PAUSED_LIST = "GMS_Paused_Services";
    public static final String EVENTS_LIST = "_callback_events_list";
    public static final String USER_TERMINATED = "USERTERMINATED";
    public static final String USER_ORIGINATED = "USERORIGINATED";

    /** The callback options of a {@code [service.<name>]} section; those an ORS strategy reads are stored only. */
    public static final List<Option> OPTIONS = List.of(
            Option.oneOf(S, "_call_direction", "", List.of("", USER_TERMINATED, USER_ORIGINATED), IMMEDIATE,
                    "Callback: who dials, USERTERMINATED (we call the customer) or USERORIGINATED (the customer"
                            + " calls the number answered); empty: USERTERMINATED."),
            Option.string(S, "_userterminated_first_connect_party", "", IMMEDIATE,
                    "Callback: CUSTOMER or AGENT first; passed on to the dialer or strategy."),
            Option.string(S, "_wait_for_agent", "", IMMEDIATE,
                    "Callback: true: dial only once an agent is reserved; passed on."),
            Option.string(S, "_wait_for_user_confirm", "", IMMEDIATE,
                    "Callback: true: the customer confirms readiness first; passed on."),
            Option.string(S, "_on_user_confirm_timeout", "", IMMEDIATE,
                    "Callback: what to do when the confirmation times out; passed on."),
            Option.string(S, "_business_hours_service", "", IMMEDIATE,
                    "Callback: office-hours service desired times are checked against; empty: always open."),
            Option.string(S, "_capacity_service", "", IMMEDIATE,
                    "Callback: capacity service giving the places of each slot; empty: _max_request_by_time_bucket."),
            Option.string(S, "_media_type", "", IMMEDIATE, "Callback: voice or chat; passed on."),
            Option.string(S, "_target", "", IMMEDIATE, "Callback: routing target; passed on."),
            Option.string(S, "_route_point", "", IMMEDIATE, "Callback: route point used to dial; passed on."),
            Option.string(S, "_urs_virtual_queue", "", IMMEDIATE,
                    "Callback: virtual queue the callbacks wait in (a request parameter of the same name wins);"
                            + " empty: the service name."),
            Option.string(S, "_customer_lookup_keys", "", IMMEDIATE,
                    "Callback: keys a query may search on, always returned; empty: _customer_number."),
            Option.string(S, "_mandatory_customer_lookup_keys", "", IMMEDIATE,
                    "Callback: keys a create must carry (400 otherwise); empty: _customer_number."),
            Option.string(S, "_attach_udata", "", IMMEDIATE, "Callback: how user data is attached; passed on."),
            Option.string(S, "_retain_session_until_ixn_deleted", "", IMMEDIATE, "Callback: passed on."),
            Option.string(S, "_do_not_call_items", "", IMMEDIATE, "Callback: passed on."),
            Option.string(S, "_reject_past_desired_time", "", IMMEDIATE,
                    "Callback: seconds a desired time may lie in the past (it is then due at once); empty: 300."),
            Option.string(S, "_request_execution_time_buffer", "", IMMEDIATE,
                    "Callback: seconds before the desired time a callback is submitted; empty: 120."),
            Option.string(S, "_desired_connect_time_threshold", "", IMMEDIATE, "Callback: passed on."),
            Option.string(S, "_request_queue_time_stat", "", IMMEDIATE, "Callback: passed on."),
            Option.string(S, "_request_ewt_service", "", IMMEDIATE, "Callback: passed on."),
            Option.string(S, "_default_country", "", IMMEDIATE,
                    "Callback: ISO country of national customer numbers; set empty: not configured; absent: US."),
            Option.string(S, "_disallow_impossible_phone_numbers", "", IMMEDIATE,
                    "Callback: refuse numbers that cannot be dialled; empty: true."),
            Option.string(S, "_disallow_premium_phone_numbers", "", IMMEDIATE,
                    "Callback: refuse premium-rate numbers; empty: true."),
            Option.string(S, "_enable_reject_out_of_office_hours", "", IMMEDIATE,
                    "Callback: true: refuse immediate callbacks while the office is closed; empty: false."),
            Option.string(S, PAUSED_LIST, "", IMMEDIATE,
                    "Callback: list whose [services] section pauses services (<name>, _paused_services_id or all ="
                            + " true); empty: GMS_Paused_Services."),
            Option.string(S, "_paused_services_id", "", IMMEDIATE,
                    "Callback: key of this service in the pause list; empty: the service name."),
            Option.string(S, "_queue_poll_period", "", IMMEDIATE,
                    "Callback: minutes from,to around now of the desired times the sweeps look at; empty: -120,120."),
            Option.string(S, "_queue_poll_period_recovery", "", IMMEDIATE,
                    "Callback: minutes from,to of the recovery pass after a restart; empty: -1440,-120."),
            Option.string(S, "_queue_ping_ors_period", "", IMMEDIATE, "Callback: passed on."),
            Option.string(S, "_max_ors_submit_attempts", "", IMMEDIATE,
                    "Callback: submissions tried (webhook, ors) before COMPLETED/SUBMIT_FAILED; empty: 3."),
            Option.string(S, "_enable_status_notification", "", IMMEDIATE,
                    "Callback: subscribe_notify: publish every state change; empty: false."),
            Option.string(S, "_status_notification_type", "", IMMEDIATE,
                    "Callback: push type of the state changes (httpcb, customhttp, ...)."),
            Option.string(S, "_status_notification_target", "", IMMEDIATE,
                    "Callback: where the state changes go (a URL for httpcb)."),
            Option.string(S, "_status_notification_provider", "", IMMEDIATE,
                    "Callback: push provider of the state changes; empty: default."),
            Option.string(S, EVENTS_LIST, "", IMMEDIATE,
                    "Callback: list of the events published (one section per event with notify_params, and"
                            + " [properties])."),
            Option.oneOf(S, "_execution", "", List.of("", "queue", "webhook", "ors"), IMMEDIATE,
                    "Callback: how a callback is executed: queue (agents take it from the agent API), webhook (POSTed"
                            + " to _webhook_url), ors; empty: ors when _ors (or [ors] _ors) is set, else queue."),
            Option.string(S, "_webhook_url", "", IMMEDIATE,
                    "Callback: URL the webhook execution POSTs submit and cancel events to."),
            Option.secret(S, "_webhook_authorization", IMMEDIATE,
                    "Callback: the whole Authorization header the webhook execution sends; empty: none."),
            Option.string(S, "_max_dial_attempts", "", IMMEDIATE,
                    "Callback: dials in all, the first included, before COMPLETED/FAIL_CALL_TO_CUSTOMER; empty: 3."),
            Option.string(S, "_dial_retry_timeout", "", IMMEDIATE,
                    "Callback: seconds before a failed dial is tried again; empty: 300."),
            Option.string(S, "_agent_claim_timeout", "", IMMEDIATE,
                    "Callback: seconds an agent may hold a claimed callback without connecting it before it returns"
                            + " to the queue; empty: 300."),
            Option.string(S, "_ors", "", IMMEDIATE,
                    "Callback and ORS services: Orchestration Server URLs, comma-separated; empty: [ors] _ors."),
            Option.string(S, "_ors_lb_strategy", "", IMMEDIATE,
                    "Callback and ORS services: linear or circular; empty: [ors] _ors_lb_strategy, else circular."),
            Option.string(S, "_service_type", "", IMMEDIATE,
                    "callback: a service whose _service is a custom strategy is a callback service."));

    private final NamedSection section;
    private final Map<String, String> effective;
    private final Map<String, String> request;
    private final Map<String, String> defaults;
    private final boolean serverOrs;

    public ServiceOptions(NamedSection section, Map<String, String> request, Map<String, String> defaults) {
        this(section, request, defaults, false);
    }

    /** {@code serverOrs}: whether {@code [ors] _ors} names an Orchestration Server for every service. */
    public ServiceOptions(NamedSection section, Map<String, String> request, Map<String, String> defaults,
                          boolean serverOrs) {
        this.section = section;
        this.request = Map.copyOf(request);
        this.effective = section.effective(request);
        this.defaults = defaults;
        this.serverOrs = serverOrs;
    }

    public static boolean isCallbackService(NamedSection section) {
        return section.builtin().equals("callback")
                || section.options().getOrDefault("_service_type", "").trim().equals("callback");
    }

    public String name() {
        return section.name();
    }

    public NamedSection section() {
        return section;
    }

    /** The options as the service runs with them: request parameters overridden by the section's options. */
    public Map<String, String> effective() {
        return effective;
    }

    /** The service's own value ({@code ""} when absent or empty). */
    public String value(String name) {
        if (!section.options().containsKey(name)) {
            return "";
        }
        return clean(effective.getOrDefault(name, ""));
    }

    /** The service's value, else the {@code [callback]} one, else {@code ""}. */
    public String withDefault(String name) {
        String own = value(name);
        return own.isEmpty() ? clean(defaults.getOrDefault(name, "")) : own;
    }

    /** Whether the section sets the option at all (even to an empty value). */
    public boolean isSet(String name) {
        return section.options().containsKey(name);
    }

    public Map<String, String> defaults() {
        return defaults;
    }

    public Map<String, String> sectionOptions() {
        return section.options();
    }

    public String callDirection() {
        String direction = value("_call_direction").toUpperCase(Locale.ROOT);
        return direction.equals(USER_ORIGINATED) ? USER_ORIGINATED : USER_TERMINATED;
    }

    public List<String> lookupKeys() {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        keys.add("_customer_number");
        keys.addAll(csv(value("_customer_lookup_keys")));
        return List.copyOf(keys);
    }

    public List<String> mandatoryKeys() {
        String keys = value("_mandatory_customer_lookup_keys");
        return keys.isEmpty() ? List.of("_customer_number") : csv(keys);
    }

    /** {@code _default_country}: US when absent, {@code ""} when set empty (the phone checks then refuse). */
    public String defaultCountry() {
        return isSet("_default_country") ? value("_default_country") : "US";
    }

    public boolean disallowPremium() {
        return bool("_disallow_premium_phone_numbers", true);
    }

    public boolean disallowImpossible() {
        return bool("_disallow_impossible_phone_numbers", true);
    }

    public String businessHoursService() {
        return value("_business_hours_service");
    }

    public String capacityService() {
        return value("_capacity_service");
    }

    public Duration rejectPast() {
        return Duration.ofSeconds(longValue("_reject_past_desired_time", 300, 0, Long.MAX_VALUE / 1000));
    }

    public Duration executionBuffer() {
        return Duration.ofSeconds(integer("_request_execution_time_buffer", 120, 0, 86_400));
    }

    public Duration ttl() {
        return Duration.ofSeconds(integer("_ttl", 86_400, 60, 31_536_000));
    }

    /** The virtual queue: the request's {@code _urs_virtual_queue}, else the option, else the service name. */
    public String virtualQueue() {
        String requested = clean(request.getOrDefault("_urs_virtual_queue", ""));
        if (!requested.isEmpty()) {
            return requested;
        }
        String configured = value("_urs_virtual_queue");
        return configured.isEmpty() ? section.name() : configured;
    }

    public boolean rejectOutOfOfficeHours() {
        return bool("_enable_reject_out_of_office_hours", false);
    }

    public String execution() {
        String execution = value("_execution").toLowerCase(Locale.ROOT);
        if (execution.equals("queue") || execution.equals("webhook") || execution.equals("ors")) {
            return execution;
        }
        if (!execution.isEmpty()) {
            warn("_execution", execution);
        }
        return value("_ors").isEmpty() && !serverOrs ? "queue" : "ors";
    }

    public String webhookUrl() {
        return value("_webhook_url");
    }

    public String webhookAuthorization() {
        return value("_webhook_authorization");
    }

    public int maxSubmitAttempts() {
        return integer("_max_ors_submit_attempts", 3, 1, 100);
    }

    public int maxDialAttempts() {
        return integer("_max_dial_attempts", 3, 1, 100);
    }

    public Duration dialRetryTimeout() {
        return Duration.ofSeconds(integer("_dial_retry_timeout", 300, 0, 86_400));
    }

    public Duration agentClaimTimeout() {
        return Duration.ofSeconds(integer("_agent_claim_timeout", 300, 1, 86_400));
    }

    public String pausedList() {
        String list = value(PAUSED_LIST);
        return list.isEmpty() ? DEFAULT_PAUSED_LIST : list;
    }

    public String pausedId() {
        return value("_paused_services_id");
    }

    /** {@code _queue_poll_period_recovery} as minutes from, to (relative to now). */
    public int[] recoveryPeriod() {
        return period("_queue_poll_period_recovery", -1440, -120);
    }

    public boolean bool(String name, boolean fallback) {
        String value = withDefault(name).toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return fallback;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        warn(name, value);
        return fallback;
    }

    public int integer(String name, int fallback, int min, int max) {
        return (int) longValue(name, fallback, min, max);
    }

    private long longValue(String name, long fallback, long min, long max) {
        String value = withDefault(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        warn(name, value);
        return fallback;
    }

    private int[] period(String name, int from, int to) {
        String value = value(name);
        if (!value.isEmpty()) {
            String[] bounds = value.split(",");
            try {
                if (bounds.length == 2) {
                    int first = Integer.parseInt(bounds[0].trim());
                    int second = Integer.parseInt(bounds[1].trim());
                    if (first <= second) {
                        return new int[] {first, second};
                    }
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            warn(name, value);
        }
        return new int[] {from, to};
    }

    /** Logs {@code Wrong value [v] for option [opt]} once per service, option and value. */
    public void warn(String option, String value) {
        warnOnce("Wrong value [" + value + "] for option [" + option + "]");
    }

    /** Logs a configuration warning of this service once. */
    public void warnOnce(String warning) {
        if (WARNED.size() < 10_000 && WARNED.add(section.name() + '\u0000' + warning)) {
            LOG.warn("{} of service [{}]; using the default", warning, section.name());
        }
    }

    /** A comma-separated value as its non-blank, trimmed entries. */
    public static List<String> csv(String value) {
        List<String> entries = new ArrayList<>();
        for (String entry : value.split(",")) {
            if (!entry.isBlank()) {
                entries.add(entry.trim());
            }
        }
        return entries;
    }

    /** An option value trimmed, {@code ""} for an empty one written {@code ""}. */
    public static String clean(String value) {
        String trimmed = value == null ? "" : value.trim();
        return trimmed.equals("\"\"") ? "" : trimmed;
    }
}
