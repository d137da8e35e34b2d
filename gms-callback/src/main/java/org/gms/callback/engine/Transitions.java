package org.gms.callback.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.gms.callback.api.CallbackUnavailableException;
import org.gms.callback.config.ServiceOptions;
import org.gms.storage.callback.ActiveCallback;
import org.gms.storage.callback.CallbackRepository;
import org.gms.storage.callback.StoredCallback;

/**
 * The state machine every part of the callback service goes through: a change is a compare-and-set of the stored
 * record, tried again on the latest version until it holds or no longer applies, and then told to the listener.
 */
final class Transitions {

    private static final int CAS_ROUNDS = 20;

    private final CallbackRepository repository;
    private final CallbackListener listener;
    private final Clock clock;
    private final BiFunction<String, Map<String, String>, ServiceOptions> services;

    /** {@code services}: the options of a callback service for a callback's data (throws when not configured). */
    Transitions(CallbackRepository repository, CallbackListener listener, Clock clock,
                BiFunction<String, Map<String, String>, ServiceOptions> services) {
        this.repository = repository;
        this.listener = listener;
        this.clock = clock;
        this.services = services;
    }

    /** The next version of a record with these fields changed. */
    StoredCallback with(StoredCallback current, String state, String reason, String agent, int attempts,
                        Instant desired, Map<String, String> data) {
        return new StoredCallback(current.id(), current.service(), state, reason, desired, current.queue(), agent,
                attempts, current.slotStart(), current.seat(), data, current.createdAt(), clock.instant(),
                current.expiresAt(), current.version() + 1);
    }

    /** The next version of a record in another state, the rest kept. */
    StoredCallback to(StoredCallback current, String state, String reason, String agent) {
        return with(current, state, reason, agent, current.attempts(), current.desiredTime(), current.data());
    }

    Optional<StoredCallback> change(StoredCallback read, Function<StoredCallback, Optional<StoredCallback>> next) {
        ServiceOptions options;
        try {
            options = services.apply(read.service(), read.data());
        } catch (RuntimeException e) {
            options = null;
        }
        return change(read, next, null, options);
    }

    /**
     * Applies {@code next} to the latest version of a record until its compare-and-set holds, then tells the
     * listener. {@code next} returns empty when the change no longer applies.
     *
     * @param lookupsBefore the lookup keys the read record is indexed under, {@code null}: those of its options
     */
    Optional<StoredCallback> change(StoredCallback read, Function<StoredCallback, Optional<StoredCallback>> next,
                                    Map<String, String> lookupsBefore, ServiceOptions options) {
        StoredCallback current = read;
        Map<String, String> before = lookupsBefore;
        for (int round = 0; round < CAS_ROUNDS; round++) {
            Optional<StoredCallback> changed = next.apply(current);
            if (changed.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> indexed = before != null ? before : lookups(options, current);
            if (repository.replace(current, changed.get(), indexed, lookups(options, changed.get()))) {
                if (options != null) {
                    listener.changed(Optional.of(current), changed.get(), options);
                }
                return changed;
            }
            Optional<StoredCallback> latest = repository.find(current.id());
            if (latest.isEmpty()) {
                return Optional.empty();
            }
            current = latest.get();
            before = null;
        }
        throw new CallbackUnavailableException("Callback [" + read.id() + "] is being changed by other requests;"
                + " try again");
    }

    /** Completes a callback whose state passes {@code allowed} (null: any unfinished state). */
    Optional<StoredCallback> finish(StoredCallback callback, String reason, Predicate<String> allowed) {
        return change(callback, current -> {
            boolean ok = allowed == null ? !current.state().equals("COMPLETED") : allowed.test(current.state());
            return ok ? Optional.of(to(current, "COMPLETED", reason, current.agent())) : Optional.empty();
        });
    }

    /** The values of its lookup keys a callback is indexed under. */
    static Map<String, String> lookups(ServiceOptions options, StoredCallback callback) {
        Map<String, String> lookups = new LinkedHashMap<>();
        List<String> keys = options == null ? List.of("_customer_number") : options.lookupKeys();
        for (String key : keys) {
            String value = callback.data().get(key);
            if (value != null && !value.isBlank()) {
                lookups.put(key, value);
            }
        }
        return lookups;
    }

    /** The unfinished submitted callbacks of a service, checked against their records (stale rows removed). */
    List<StoredCallback> queued(String service) {
        List<ActiveCallback> rows = repository.active(service);
        Map<String, ActiveCallback> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.id(), row));
        List<StoredCallback> live = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (StoredCallback callback : repository.findAll(byId.keySet())) {
            seen.add(callback.id());
            if (CallbackRepository.ACTIVE_STATES.contains(callback.state())) {
                live.add(callback);
            } else {
                repository.dropActive(service, callback.id());
            }
        }
        byId.keySet().stream().filter(id -> !seen.contains(id)).forEach(id -> repository.dropActive(service, id));
        live.sort(Comparator.comparing(StoredCallback::desiredTime).thenComparing(StoredCallback::id));
        return live;
    }
}
