package org.gms.callback.rules;

import static org.gms.core.config.ReloadPolicy.IMMEDIATE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.gms.core.config.Option;
import org.gms.core.config.OptionFamily;

/**
 * The throttles and limits of one callback service, resolved from its {@code [service.<name>]} section and the
 * {@code [callback]} section. Each option, and each half of a rate rule (limit, ttl), resolves on its own:
 * <table>
 *   <caption>Which value applies</caption>
 *   <tr><th>{@code [service.<name>]}</th><th>{@code [callback]}</th><th>applies</th></tr>
 *   <tr><td>valid</td><td>anything</td><td>the service value</td></tr>
 *   <tr><td>absent or empty</td><td>valid</td><td>the {@code [callback]} value</td></tr>
 *   <tr><td>absent or empty</td><td>absent or empty</td><td>the built-in default</td></tr>
 *   <tr><td>absent or empty</td><td>invalid</td><td>the built-in default, and a warning</td></tr>
 *   <tr><td>invalid</td><td>anything</td><td>the built-in default (not {@code [callback]}), and a warning</td></tr>
 * </table>
 * Valid counts and ttls are integers of 0 or more; -1 or text is invalid. 0 is a value, not "unset":
 * <table>
 *   <caption>What 0 means</caption>
 *   <tr><th>option</th><th>0</th></tr>
 *   <tr><td>{@code _throttle_callbacks_per_service_<n>}</td><td>every request is rejected, reporting the rule's
 *       ttl</td></tr>
 *   <tr><td>{@code _throttle_ttl_<n>}</td><td>the rule is off, whatever its limit</td></tr>
 *   <tr><td>{@code _throttle_request_parameters_limit}</td><td>every request carrying a counted parameter is
 *       rejected</td></tr>
 *   <tr><td>{@code _max_queued_callbacks_per_service}</td><td>every immediate request is rejected</td></tr>
 * </table>
 * Built-in defaults: rule 1 {@value #DEFAULT_LIMIT_1} per {@value #DEFAULT_TTL_1} s, rule 2 {@value #DEFAULT_LIMIT_2}
 * per {@value #DEFAULT_TTL_2} s, {@value #DEFAULT_PARAMETER_LIMIT} per value and day of
 * {@value #DEFAULT_PARAMETERS}, header parameters on, in-queue checking {@code true}, no queue limit. In each section
 * {@code _throttle_request_parameters_limit} wins over its older name {@code _throttle_customer_number_limit}; the
 * queue limit is {@code _max_queued_callbacks_per_service} in a service but {@code max_queued_callbacks_per_service}
 * in {@code [callback]}.
 *
 * @param warnings one {@code Wrong value [v] for option [name]} per invalid value, for the caller to log once
 */
public record ThrottleSettings(RateRules rates, ParameterRules parameters, QueueRules queue, List<String> warnings) {

    public static final String LIMIT_1 = "_throttle_callbacks_per_service_1";
    public static final String TTL_1 = "_throttle_ttl_1";
    public static final String LIMIT_2 = "_throttle_callbacks_per_service_2";
    public static final String TTL_2 = "_throttle_ttl_2";
    public static final String PARAMETER_LIMIT = "_throttle_request_parameters_limit";
    public static final String OLD_PARAMETER_LIMIT = "_throttle_customer_number_limit";
    public static final String PARAMETERS = "_throttle_request_parameters";
    public static final String HEADER_PARAMETERS = "_enable_throttle_header_parameters";
    public static final String IN_QUEUE_CHECKING = "_enable_in_queue_checking";
    public static final String MAX_QUEUED = "_max_queued_callbacks_per_service";
    public static final String CALLBACK_MAX_QUEUED = "max_queued_callbacks_per_service";
    public static final String CALLBACK_SECTION = "callback";

    public static final int DEFAULT_LIMIT_1 = 500;
    public static final int DEFAULT_TTL_1 = 300;
    public static final int DEFAULT_LIMIT_2 = 1000;
    public static final int DEFAULT_TTL_2 = 3600;
    public static final int DEFAULT_PARAMETER_LIMIT = 6;
    public static final String DEFAULT_PARAMETERS = "_customer_number";

    /**
     * Their options, in every {@code [service.<name>]} section and in {@code [callback]}. They are text to the
     * loader: it would drop an invalid service value, and the {@code [callback]} value would then apply instead of
     * the built-in default.
     */
    public static final List<Option> OPTIONS = options();

    public ThrottleSettings {
        Objects.requireNonNull(rates, "rates");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(queue, "queue");
        warnings = List.copyOf(warnings);
    }

    /**
     * @param service  the {@code [service.<name>]} options; a key absent and a key set to {@code ""} both defer to
     *                 {@code [callback]}
     * @param callback the {@code [callback]} options
     */
    public static ThrottleSettings resolve(Map<String, String> service, Map<String, String> callback) {
        OptionReader reader = new OptionReader(service, callback);
        RateRules rates = new RateRules(
                new RateRule(reader.read(LIMIT_1, DEFAULT_LIMIT_1, OptionReader::count),
                        reader.read(TTL_1, DEFAULT_TTL_1, OptionReader::count)),
                new RateRule(reader.read(LIMIT_2, DEFAULT_LIMIT_2, OptionReader::count),
                        reader.read(TTL_2, DEFAULT_TTL_2, OptionReader::count)));
        List<String> limitNames = List.of(PARAMETER_LIMIT, OLD_PARAMETER_LIMIT);
        ParameterRules parameters = new ParameterRules(
                reader.read(limitNames, limitNames, DEFAULT_PARAMETER_LIMIT, OptionReader::count),
                reader.read(PARAMETERS, List.of(DEFAULT_PARAMETERS), OptionReader::names),
                reader.read(HEADER_PARAMETERS, true, OptionReader::bool));
        QueueRules queue = new QueueRules(
                reader.read(IN_QUEUE_CHECKING, InQueueChecking.ON, InQueueChecking::parse),
                reader.read(List.of(MAX_QUEUED), List.of(CALLBACK_MAX_QUEUED), OptionalInt.empty(),
                        text -> OptionReader.count(text).map(OptionalInt::of)));
        return new ThrottleSettings(rates, parameters, queue, reader.warnings());
    }

    private static List<Option> options() {
        List<Option> options = new ArrayList<>();
        for (String section : List.of(OptionFamily.SERVICE, CALLBACK_SECTION)) {
            String where = section.equals(CALLBACK_SECTION) ? " of services that do not set it" : "";
            options.add(Option.string(section, LIMIT_1, "", IMMEDIATE, "Callback rate rule 1" + where
                    + ": accepted callbacks per _throttle_ttl_1 window; 0 rejects all; empty: 500."));
            options.add(Option.string(section, TTL_1, "", IMMEDIATE, "Callback rate rule 1" + where
                    + ": window seconds; 0 turns the rule off; empty: 300."));
            options.add(Option.string(section, LIMIT_2, "", IMMEDIATE, "Callback rate rule 2" + where
                    + ": accepted callbacks per _throttle_ttl_2 window; 0 rejects all; empty: 1000."));
            options.add(Option.string(section, TTL_2, "", IMMEDIATE, "Callback rate rule 2" + where
                    + ": window seconds; 0 turns the rule off; empty: 3600."));
            options.add(Option.string(section, PARAMETER_LIMIT, "", IMMEDIATE, "Callbacks" + where
                    + " per value of a throttled parameter per day; 0 rejects all; empty: 6."));
            options.add(Option.string(section, OLD_PARAMETER_LIMIT, "", IMMEDIATE, "Older name of "
                    + PARAMETER_LIMIT + ", read when that is empty."));
            options.add(Option.string(section, PARAMETERS, "", IMMEDIATE, "Throttled request parameters" + where
                    + ", comma-separated body or header names; empty: _customer_number."));
            options.add(Option.string(section, HEADER_PARAMETERS, "", IMMEDIATE, "Throttled parameters" + where
                    + " read from HTTP headers too, a header winning over the body (true, false); empty: true."));
            options.add(Option.string(section, IN_QUEUE_CHECKING, "", IMMEDIATE, "Refuse a customer number" + where
                    + " with 2 callbacks in queue (true), 1 (strict) or never (false); empty: true."));
        }
        options.add(Option.string(OptionFamily.SERVICE, MAX_QUEUED, "", IMMEDIATE,
                "Most queued callbacks of the service; 0 rejects all immediate requests; empty: [callback] "
                        + CALLBACK_MAX_QUEUED + "."));
        options.add(Option.string(CALLBACK_SECTION, CALLBACK_MAX_QUEUED, "", IMMEDIATE,
                "Most queued callbacks of services that do not set " + MAX_QUEUED + "; empty: no limit."));
        return List.copyOf(options);
    }
}
