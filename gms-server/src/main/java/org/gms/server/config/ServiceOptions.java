package org.gms.server.config;

import static org.gms.core.config.ReloadPolicy.IMMEDIATE;

import java.util.List;
import org.gms.core.config.Option;

/**
 * Options of the service API: the {@code [service.<name>]} family (free-form, its {@code _} options override request
 * parameters) and the {@code [resources]} section. Service options are text because any of them may be a
 * {@code $token$} replaced by a request parameter; the built-in services validate them when they run.
 */
final class ServiceOptions {

    private static final String SERVICE = "service.*";

    static final List<Option> OPTIONS = List.of(
            Option.string(SERVICE, "*", "", IMMEDIATE,
                    "Any other option: _ options override request parameters of the same name; $name$ is replaced"
                            + " by the request parameter name."),
            Option.oneOf(SERVICE, "_type", "", List.of("builtin", "ors"), IMMEDIATE,
                    "Service type: builtin (run here) or ors; mandatory."),
            Option.string(SERVICE, "_service", "", IMMEDIATE,
                    "Built-in service: request-interaction, request-access, match-interaction, office-hours, capacity."),
            Option.list(SERVICE, "_overwritable_options", "", IMMEDIATE,
                    "_ options a request may override (a request value \"\" unsets the option)."),
            Option.string(SERVICE, "_redirect", "", IMMEDIATE,
                    "Forward requests to this other service; empty: no redirect."),
            Option.string(SERVICE, "_ttl", "", IMMEDIATE,
                    "Seconds a created service instance lives; empty: 30."),
            Option.string(SERVICE, "_resource_group", "", IMMEDIATE,
                    "Resource group (section of the resources list) of access numbers; empty: DNIS."),
            Option.string(SERVICE, "_provide_code", "", IMMEDIATE,
                    "true: also hand out an access code with the access number; empty: false."),
            Option.string(SERVICE, "_access_code_length", "", IMMEDIATE,
                    "Digits of an access code, its prefix included; empty: 6."),
            Option.string(SERVICE, "_timezone", "", IMMEDIATE,
                    "Office hours and capacity: time zone (IANA id such as Europe/Paris) of the hours; empty: UTC."),
            Option.string(SERVICE, "_bh_regular1", "", IMMEDIATE,
                    "Office hours: weekly hours, DDD-DDD HH:mm-HH:mm (any suffix: _bh_regular2, ...)."),
            Option.string(SERVICE, "_bh_add1", "", IMMEDIATE,
                    "Office hours: extra hours on a date, YYYY-MM-dd HH:mm-HH:mm or MM-dd HH:mm-HH:mm."),
            Option.string(SERVICE, "_holiday1", "", IMMEDIATE,
                    "Office hours: closed date, YYYY-MM-dd or MM-dd (every year)."),
            Option.string(SERVICE, "_effective_dates1", "", IMMEDIATE,
                    "Office hours: closed outside these dates when set, YYYY-MM-dd [to YYYY-MM-dd]."),
            Option.string(SERVICE, "_capacity", "", IMMEDIATE,
                    "Capacity: day list [Mon, Tue, ...]; entry n uses the hour profile _capacity_n."),
            Option.string(SERVICE, "_capacity_1", "", IMMEDIATE,
                    "Capacity: hour profile {\"1\":{\"HHmm\":capacity,...}} of the days of entry 1."),
            Option.string(SERVICE, "_capacity_add", "", IMMEDIATE,
                    "Capacity: date exceptions {\"YYYY-MM-dd\":{\"HHmm\":capacity}}; empty: none."),
            Option.string(SERVICE, "_max_capacity", "", IMMEDIATE,
                    "Capacity: highest capacity of an hour; a higher value is a CapacityException. Empty: 1000."),
            Option.string(SERVICE, "_request_time_bucket", "", IMMEDIATE,
                    "Capacity: bucket minutes (5, 10, 15, 20, 30, 60, 120); empty: 60."),

            Option.string("resources", "resources_list_name", "GMS_Resources", IMMEDIATE,
                    "List (etc/lists/<name>.ini) whose sections are the access-resource groups."),
            Option.string("resources", "patterns_list_name", "GMS_Patterns", IMMEDIATE,
                    "List (etc/lists/<name>.ini) whose sections are pattern groups (name = Java regex)."),
            Option.bool("resources", "user_control", false, IMMEDIATE,
                    "true: access resources and service instances are bound to the gms_user request header."));

    private ServiceOptions() {
    }
}
