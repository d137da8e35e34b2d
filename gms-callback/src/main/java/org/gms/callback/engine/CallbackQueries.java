package org.gms.callback.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.gms.callback.api.CallbackNotFoundException;
import org.gms.callback.config.CallbackSettings;
import org.gms.core.error.BadRequestException;
import org.gms.storage.callback.CallbackRepository;
import org.gms.storage.callback.StoredCallback;
import org.gms.storage.service.ServiceInstance;

/** The read side of the callback service: queries by id and by lookup keys, queue positions, instances. */
public final class CallbackQueries {

    private final CallbackRepository repository;
    private final Supplier<CallbackSettings> settings;
    private final Transitions transitions;
    private final Clock clock;

    CallbackQueries(CallbackRepository repository, Supplier<CallbackSettings> settings, Transitions transitions,
                    Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.transitions = transitions;
        this.clock = clock;
    }

    /**
     * A callback as the service instance it is in GMS terms ({@code /genesys/1/service/<id>} and its storage): its
     * data as parameters, its lifetime.
     */
    public Optional<ServiceInstance> asInstance(String id) {
        return repository.find(id).map(callback -> new ServiceInstance(callback.id(), callback.service(),
                callback.data(), Map.of(), callback.data().getOrDefault("gms_user", ""), callback.createdAt(),
                callback.expiresAt()));
    }

    /** {@code GET /1/service/callback?_id=} and by properties; {@code service} empty means every service. */
    public List<Map<String, Object>> query(String service, Map<String, String> query) {
        String id = query.getOrDefault("_id", "").trim();
        List<StoredCallback> found;
        Map<String, String> filters = new LinkedHashMap<>(query);
        filters.remove("_id");
        boolean or = "OR".equalsIgnoreCase(filters.remove("operand"));
        filters.remove("gms_user");
        if (!id.isEmpty()) {
            found = repository.find(id).stream().toList();
        } else {
            found = candidates(service, filters, or);
        }
        List<Map<String, Object>> records = new ArrayList<>();
        List<String> returned = settings.get().returnedKeys();
        for (StoredCallback callback : found) {
            if (!service.isEmpty() && !callback.service().equals(service)) {
                continue;
            }
            if (filters.isEmpty() || matches(callback, filters, or)) {
                records.add(Records.render(callback, returned, clock));
            }
        }
        if (!id.isEmpty() && records.isEmpty()) {
            throw CallbackNotFoundException.unknownCallback("Callback [" + id + "] not found");
        }
        return records;
    }

    private List<StoredCallback> candidates(String service, Map<String, String> filters, boolean or) {
        Map<String, StoredCallback> found = new LinkedHashMap<>();
        boolean indexed = false;
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            String value = filter.getValue();
            if (value.startsWith("!") || filter.getKey().equals("_callback_state")
                    || filter.getKey().equals("_callback_reason")) {
                continue;
            }
            indexed = true;
            for (StoredCallback callback : repository.byKey(filter.getKey(), value)) {
                found.putIfAbsent(callback.id(), callback);
            }
            if (!or) {
                break;
            }
        }
        if (!indexed) {
            throw new BadRequestException("A callback query needs _id or the value of a lookup key"
                    + " (_customer_lookup_keys, such as _customer_number)" + (service.isEmpty() ? ""
                    : " of service [" + service + "]"));
        }
        return List.copyOf(found.values());
    }

    private static boolean matches(StoredCallback callback, Map<String, String> filters, boolean or) {
        boolean any = false;
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            String wanted = filter.getValue();
            boolean negated = wanted.startsWith("!");
            String expected = negated ? wanted.substring(1) : wanted;
            String actual = Records.field(callback, filter.getKey());
            boolean match = negated ? !expected.equals(actual) : expected.equals(actual);
            if (or && match) {
                return true;
            }
            if (!or && !match) {
                return false;
            }
            any |= match;
        }
        return !or || any;
    }

    /** {@code GET /1/service/<id>/check-queue-position}. */
    public Map<String, Object> position(String id) {
        StoredCallback callback = repository.find(id).orElseThrow(() ->
                CallbackNotFoundException.unknownCallback("Callback [" + id + "] not found"));
        List<StoredCallback> waiting = transitions.queued(callback.service()).stream()
                .filter(other -> other.queue().equals(callback.queue()))
                .filter(other -> other.state().equals("QUEUED") || other.state().equals("PAUSED"))
                .toList();
        int position = 0;
        for (int i = 0; i < waiting.size(); i++) {
            if (waiting.get(i).id().equals(id)) {
                position = i + 1;
            }
        }
        double handling = Throttles.averageHandling(repository, callback.queue());
        long ewt = Math.round(Math.max(0, position - 1) * handling);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("_position", position);
        answer.put("_eta", Times.format(clock.instant().plusSeconds(ewt)));
        answer.put("ewt", (double) ewt);
        answer.put("_total_waiting", waiting.size());
        answer.put("_agent_ready_threshold_passed", position == 1);
        answer.put("_callback_state", callback.state());
        return answer;
    }
}
