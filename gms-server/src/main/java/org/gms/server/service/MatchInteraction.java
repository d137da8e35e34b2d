package org.gms.server.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.gms.core.error.NotFoundException;
import org.gms.core.error.ServiceUnavailableException;
import org.gms.storage.resource.Booking;
import org.gms.storage.service.ServiceInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * match-interaction: finds the service instance that holds an access number (and code, and caller phone number) on
 * any node, claims the booking (one match only gets it), releases the number and answers {@code {"_id","_data_id"}}, or {@code {"matches":[...]}} with
 * {@code _return_multiple_matches}. Two candidates usually mean a release that is not visible yet, so the lookup is
 * repeated once after 500 ms, as GMS does, before the newest booking wins.
 */
final class MatchInteraction {

    private static final Logger LOG = LoggerFactory.getLogger(MatchInteraction.class);
    static final Duration DOUBLE_MATCH_RETRY = Duration.ofMillis(500);

    private final ServiceRepositories storage;
    private final InteractionServices interactions;

    MatchInteraction(ServiceRepositories storage, InteractionServices interactions) {
        this.storage = storage;
        this.interactions = interactions;
    }

    Object match(ServiceCall call) {
        String number = call.required("_access_number");
        boolean multiple = call.flag("_return_multiple_matches");
        List<Booking> matches = find(call, number);
        if (matches.size() > 1 && !multiple) {
            LOG.debug("{} bookings match access number [{}]; looking again in {} ms", matches.size(), number,
                    DOUBLE_MATCH_RETRY.toMillis());
            pause();
            matches = find(call, number);
        }
        if (matches.isEmpty()) {
            throw new NotFoundException("No match for access number [" + number + "]");
        }
        if (!multiple) {
            matches = List.of(matches.get(matches.size() - 1));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Booking booking : matches) {
            // a concurrent match (here or on another node) that claimed the booking first gets it, this one not
            if (storage.resources().claim(booking)) {
                storage.instances().removeResource(booking.serviceId(), booking.key());
                results.add(result(booking, call.flag("_return_user_data")));
            }
        }
        if (results.isEmpty()) {
            throw new NotFoundException("No match for access number [" + number + "]");
        }
        return multiple ? Map.of("matches", results) : results.get(0);
    }

    private List<Booking> find(ServiceCall call, String number) {
        String code = call.text("_access_code", "");
        String phone = digits(call.text("_phone_number", ""));
        boolean userBound = interactions.userControl() && !call.gmsUser().isEmpty();
        List<Booking> matches = new ArrayList<>();
        for (Booking booking : storage.resources().findLive(number)) {
            if (!code.isEmpty() && !code.equals(booking.accessCode())) {
                continue;
            }
            if (!phone.isEmpty() && !booking.phoneNumber().isEmpty() && !phone.equals(digits(booking.phoneNumber()))) {
                continue;
            }
            if (userBound && !booking.gmsUser().isEmpty() && !booking.gmsUser().equals(call.gmsUser())) {
                continue;
            }
            matches.add(booking);
        }
        return matches;
    }

    private Map<String, Object> result(Booking booking, boolean withUserData) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("_id", booking.serviceId());
        result.put("_data_id", booking.serviceId());
        if (withUserData) {
            Optional<ServiceInstance> instance = storage.instances().find(booking.serviceId());
            instance.ifPresent(found -> found.parameters().forEach((key, value) -> {
                if (!key.startsWith("_")) {
                    result.put(key, value);
                }
            }));
        }
        return result;
    }

    private static String digits(String phone) {
        return phone.replaceAll("[^0-9]", "");
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(DOUBLE_MATCH_RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while matching", e);
        }
    }
}
