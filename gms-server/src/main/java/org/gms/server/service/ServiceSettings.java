package org.gms.server.service;

import static org.gms.core.config.ReloadPolicy.IMMEDIATE;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gms.core.config.ConfigView;
import org.gms.core.config.NamedSection;
import org.gms.core.config.Option;
import org.gms.core.config.OptionFamily;

/**
 * What the service API reads of the configuration: the {@code [service.<name>]} sections (free-form: any of their
 * options may be a {@code $token$} replaced by a request parameter, so the built-in services validate them when they
 * run), the {@code [resources]} lists and the access-code prefixes of this node.
 *
 * @param services          every {@code [service.<name>]} section, by name
 * @param accessCodePrefix  {@code [server] access_code_prefix}
 * @param nodeId            the node id, the prefix when none is set
 * @param resourcesListName list holding the access-resource groups
 * @param resourceGroups    that list's sections, empty when the list does not exist
 * @param patternsListName  list holding the pattern groups
 * @param patternGroups     that list's sections, empty when the list does not exist
 * @param userControl       resources and instances bound to the {@code gms_user} header
 */
public record ServiceSettings(Map<String, NamedSection> services, String accessCodePrefix, int nodeId,
                              String resourcesListName, Map<String, Map<String, String>> resourceGroups,
                              String patternsListName, Map<String, Map<String, String>> patternGroups,
                              boolean userControl) {

    static final String RESOURCES = "resources";

    public static final List<Option> OPTIONS = List.of(
            Option.string(OptionFamily.SERVICE, "*", "", IMMEDIATE,
                    "Any other option: _ options override request parameters of the same name; $name$ is replaced"
                            + " by the request parameter name."),
            Option.oneOf(OptionFamily.SERVICE, "_type", "", List.of("builtin", "ors"), IMMEDIATE,
                    "Service type: builtin (run here) or ors; mandatory."),
            Option.string(OptionFamily.SERVICE, "_service", "", IMMEDIATE,
                    "Built-in service: request-interaction, request-access, match-interaction, office-hours, capacity."),
            Option.list(OptionFamily.SERVICE, "_overwritable_options", "", IMMEDIATE,
                    "_ options a request may override (a request value \"\" unsets the option)."),
            Option.string(OptionFamily.SERVICE, "_redirect", "", IMMEDIATE,
                    "ORS and callback services: the service that answers in place of this one (a callback create"
                            + " answers what it answers); request-interaction and the other built-in services ignore"
                            + " it; empty: no redirect."),
            Option.string(OptionFamily.SERVICE, "_ttl", "", IMMEDIATE,
                    "Seconds a created service instance lives; empty: 30."),
            Option.string(OptionFamily.SERVICE, "_resource_group", "", IMMEDIATE,
                    "Resource group (section of the resources list) of access numbers; empty: DNIS."),
            Option.string(OptionFamily.SERVICE, "_provide_code", "", IMMEDIATE,
                    "true: also hand out an access code with the access number; empty: false."),
            Option.string(OptionFamily.SERVICE, "_access_code_length", "", IMMEDIATE,
                    "Digits of an access code, its prefix included; empty: 6."),

            Option.string(RESOURCES, "resources_list_name", "GMS_Resources", IMMEDIATE,
                    "List (etc/lists/<name>.ini) whose sections are the access-resource groups."),
            Option.string(RESOURCES, "patterns_list_name", "GMS_Patterns", IMMEDIATE,
                    "List (etc/lists/<name>.ini) whose sections are pattern groups (name = Java regex)."),
            Option.bool(RESOURCES, "user_control", false, IMMEDIATE,
                    "true: access resources and service instances are bound to the gms_user request header."),
            Option.string("server", "access_code_prefix", "", IMMEDIATE,
                    "Access-code prefixes of this node, such as 455, 456-458; empty: node_id."));

    public static ServiceSettings from(ConfigView config) {
        Map<String, NamedSection> services = NamedSection.services(config);
        String resources = config.value(RESOURCES, "resources_list_name");
        String patterns = config.value(RESOURCES, "patterns_list_name");
        return new ServiceSettings(Map.copyOf(services), config.value("server", "access_code_prefix"),
                config.intValue("server", "node_id"), resources, config.list(resources).orElse(Map.of()), patterns,
                config.list(patterns).orElse(Map.of()), config.boolValue(RESOURCES, "user_control"));
    }

    /** The section of a service, when configured. */
    Optional<NamedSection> service(String name) {
        return Optional.ofNullable(services.get(name));
    }
}
