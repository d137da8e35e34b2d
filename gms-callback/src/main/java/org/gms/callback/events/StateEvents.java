package org.gms.callback.events;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gms.storage.callback.StoredCallback;

/**
 * The event names one stored change of a callback fires: the GMS ones ({@code _cbe_on_callback_*}), and the ORS
 * ones ({@code _cbe_on_service_create}, ...) mapped onto our states, so that event lists written for GMS and ORS
 * fire here too. A change may fire several events; each at most once.
 */
public final class StateEvents {

    public static final String SCHEDULED = "_cbe_on_callback_scheduled";
    public static final String RESCHEDULED = "_cbe_on_callback_rescheduled";
    public static final String SUBMITTED = "_cbe_on_callback_submitted";
    public static final String QUEUED = "_cbe_on_callback_queued";
    public static final String SUBMIT_FAILED = "_cbe_on_callback_submit_failed";
    public static final String CANCELLED = "_cbe_on_callback_cancelled";
    public static final String STATUS_UPDATED = "_cbe_on_callback_status_updated";
    public static final String SERVICE_CREATE = "_cbe_on_service_create";
    public static final String CUSTOMER_QUEUED = "_cbe_on_customer_queued";
    public static final String ROUTE_TO_AGENT = "_cbe_on_route_to_agent";
    public static final String DIAL_INIT = "_cbe_on_dial_init";
    public static final String DIAL_DONE = "_cbe_on_dial_done";
    public static final String SERVICE_EXIT = "_cbe_on_service_exit";

    /** The events published when a service names no event list. */
    public static final List<String> GMS_EVENTS = List.of(SCHEDULED, RESCHEDULED, SUBMITTED, QUEUED, SUBMIT_FAILED,
            CANCELLED, STATUS_UPDATED);

    private StateEvents() {
    }

    /** The events of a change, {@code before} empty for a new callback; none when neither state nor time moved. */
    public static List<String> of(Optional<StoredCallback> before, StoredCallback after) {
        Set<String> names = new LinkedHashSet<>();
        String state = after.state();
        if (before.isEmpty()) {
            names.add(SERVICE_CREATE);
            if (state.equals("SCHEDULED")) {
                names.add(SCHEDULED);
            } else if (state.equals("QUEUED") || state.equals("PAUSED")) {
                names.add(SUBMITTED);
            }
            entered(state, after.reason(), names);
            return List.copyOf(names);
        }
        StoredCallback previous = before.get();
        boolean moved = !previous.desiredTime().equals(after.desiredTime());
        if (moved) {
            names.add(RESCHEDULED);
        }
        if (previous.state().equals(state)) {
            return List.copyOf(names);
        }
        if (previous.state().equals("SCHEDULED") && (state.equals("QUEUED") || state.equals("PAUSED"))) {
            names.add(SUBMITTED);
        }
        entered(state, after.reason(), names);
        if (names.stream().noneMatch(GMS_EVENTS::contains)) {
            names.add(STATUS_UPDATED);
        }
        return List.copyOf(names);
    }

    /** The events of entering a state. */
    private static void entered(String state, String reason, Set<String> names) {
        switch (state) {
            case "QUEUED" -> {
                names.add(QUEUED);
                names.add(CUSTOMER_QUEUED);
            }
            case "ROUTING" -> {
                names.add(ROUTE_TO_AGENT);
                names.add(DIAL_INIT);
            }
            case "PROCESSING" -> names.add(DIAL_DONE);
            case "COMPLETED" -> {
                names.add(SERVICE_EXIT);
                if (reason.equals("SUBMIT_FAILED")) {
                    names.add(SUBMIT_FAILED);
                } else if (reason.startsWith("CANCELLED")) {
                    names.add(CANCELLED);
                }
            }
            default -> {
                // SCHEDULED and PAUSED have no event of their own
            }
        }
    }
}
