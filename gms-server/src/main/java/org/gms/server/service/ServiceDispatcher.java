package org.gms.server.service;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.gms.callback.api.OrsServiceException;
import org.gms.callback.availability.CalendarServices;
import org.gms.callback.config.ServiceOptions;
import org.gms.callback.ors.OrsAnswer;
import org.gms.callback.ors.OrsClient;
import org.gms.core.config.NamedSection;
import org.gms.core.error.NotFoundException;
import org.gms.core.error.ServiceConfigurationException;

/**
 * Finds the {@code [service.<name>]} section of a request, checks {@code _type}, follows {@code _redirect} from an ORS
 * service ({@code _type=ors}, callback services included; a built-in service ignores it, as GMS does) and runs the
 * built-in service named by {@code _service}, or forwards an ORS service to Orchestration Server.
 */
final class ServiceDispatcher {

    static final int MAX_REDIRECTS = 5;
    static final String OFFICE_HOURS = "office-hours";
    static final String CAPACITY = "capacity";
    static final String ORS = "ors";

    private final Supplier<ServiceSettings> settings;
    private final InteractionServices interactions;
    private final MatchInteraction match;
    private final CalendarServices calendars;
    private final OrsClient ors;

    /** {@code ors}: the node's ORS client; {@code null} when this server forwards no ORS service. */
    ServiceDispatcher(Supplier<ServiceSettings> settings, InteractionServices interactions, MatchInteraction match,
                      CalendarServices calendars, OrsClient ors) {
        this.settings = settings;
        this.interactions = interactions;
        this.match = match;
        this.calendars = calendars;
        this.ors = ors;
    }

    Optional<NamedSection> section(String name) {
        return settings.get().service(name);
    }

    /**
     * {@code POST /1/service/<name>}, and where a callback service's {@code _redirect} leads: a built-in service's
     * answer, or ORS's {@link OrsAnswer} to relay; 404 when no service has that name.
     */
    Object create(String name, Map<String, String> request, String gmsUser) {
        NamedSection section = resolve(name, request);
        String builtin = section.builtin();
        if (builtin.equals(OFFICE_HOURS) || builtin.equals(CAPACITY)) {
            return query(section, request);
        }
        if (section.type().equals(ORS)) {
            return forward(section, request);
        }
        ServiceCall call = new ServiceCall(section.name(), section.effective(request), gmsUser);
        return switch (builtin) {
            case "request-interaction" -> interactions.requestInteraction(call);
            case "request-access" -> interactions.requestAccess(call);
            case "match-interaction" -> match.match(call);
            default -> throw new ServiceConfigurationException("Unknown built-in service [" + builtin
                    + "] in option _service of service: [" + section.name() + "]");
        };
    }

    /**
     * Starts the service's SCXML application ({@code _service}) on ORS with the parameters it runs with as session
     * data; ORS's answer goes back to the client as it is.
     */
    private OrsAnswer forward(NamedSection section, Map<String, String> request) {
        if (ServiceOptions.isCallbackService(section)) {
            throw new OrsServiceException("ORS request failed: service [" + section.name() + "] is a callback"
                    + " service; its callbacks are created at /genesys/1/service/callback/" + section.name());
        }
        if (ors == null) {
            throw new OrsServiceException("ORS request failed: service [" + section.name()
                    + "] is an ORS service and this server has no ORS client");
        }
        if (section.builtin().isEmpty()) {
            throw new ServiceConfigurationException("Service [" + section.name()
                    + "] is an ORS service without _service (its SCXML application)");
        }
        return ors.startSession(ors.target(section, request), section.builtin(), section.effective(request));
    }

    /** {@code GET /1/service/<name>} of an office-hours or capacity service; empty when no service has that name. */
    Optional<Object> get(String name, Map<String, String> query) {
        if (section(name).isEmpty()) {
            return Optional.empty();
        }
        NamedSection section = resolve(name, query);
        String builtin = section.builtin();
        if (!builtin.equals(OFFICE_HOURS) && !builtin.equals(CAPACITY)) {
            throw new NotFoundException("Service [" + name + "] has no query; create it with POST");
        }
        return Optional.of(query(section, query));
    }

    private Object query(NamedSection section, Map<String, String> query) {
        if (section.builtin().equals(OFFICE_HOURS)) {
            // services named by _include_regular<n> and _use_alternative<n> are read from the same configuration
            return calendars.openPeriods(section, this::section, query);
        }
        return calendars.capacityPeriods(section, query);
    }

    private NamedSection resolve(String name, Map<String, String> request) {
        String current = name;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            String wanted = current;
            NamedSection section = section(wanted)
                    .orElseThrow(() -> new NotFoundException("Service [" + wanted + "] is not configured"));
            if (section.type().isEmpty()) {
                throw new ServiceConfigurationException("Service type is not configured for service: [" + wanted + "]");
            }
            String redirect = section.type().equals(ORS) ? section.redirect(request) : "";
            if (redirect.isEmpty() || redirect.equals(wanted)) {
                return section;
            }
            current = redirect;
        }
        throw new ServiceConfigurationException("Service [" + name + "] redirects more than " + MAX_REDIRECTS
                + " times");
    }
}
