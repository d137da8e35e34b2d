package org.gms.callback.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.gms.callback.api.CallbackException;
import org.gms.callback.api.CallbackNotFoundException;
import org.gms.callback.config.CallbackSettings;
import org.gms.callback.config.ServiceOptions;
import org.gms.core.config.NamedSection;
import org.gms.storage.callback.CallbackRepository;
import org.gms.storage.callback.StoredCallback;
import org.gms.storage.cluster.job.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent side of {@code _execution=queue}: the waiting callbacks of an agent's queues, claims (exactly one agent
 * wins each), connected, complete or retry, and the claim timeout that gives an unconnected claim back.
 */
public final class AgentDesk {

    private static final Logger LOG = LoggerFactory.getLogger(AgentDesk.class);

    private final Transitions transitions;
    private final Supplier<CallbackSettings> settings;
    private final CallbackRepository repository;
    private final JobScheduler jobs;
    private final Clock clock;
    private final BiFunction<String, Map<String, String>, ServiceOptions> services;
    private final BiConsumer<StoredCallback, Instant> resubmit;

    /** {@code resubmit}: schedules the submission of a callback sent back to SCHEDULED at a time. */
    AgentDesk(Transitions transitions, Supplier<CallbackSettings> settings, CallbackRepository repository,
              JobScheduler jobs, Clock clock, BiFunction<String, Map<String, String>, ServiceOptions> services,
              BiConsumer<StoredCallback, Instant> resubmit) {
        this.transitions = transitions;
        this.settings = settings;
        this.repository = repository;
        this.jobs = jobs;
        this.clock = clock;
        this.services = services;
        this.resubmit = resubmit;
    }

    /**
     * The QUEUED callbacks of the queues an agent serves, oldest desired time first; only those of services whose
     * callbacks wait for agents ({@code _execution=queue}): a dialer or ORS already has the others.
     */
    public List<StoredCallback> agentQueue(Function<String, Boolean> serves) {
        List<StoredCallback> waiting = new ArrayList<>();
        CallbackSettings current = settings.get();
        for (NamedSection section : current.callbackServices()) {
            if (!current.options(section, Map.of()).execution().equals("queue")) {
                continue;
            }
            for (StoredCallback callback : transitions.queued(section.name())) {
                if (callback.state().equals("QUEUED") && serves.apply(callback.queue())) {
                    waiting.add(callback);
                }
            }
        }
        waiting.sort(Comparator.comparing(StoredCallback::desiredTime).thenComparing(StoredCallback::id));
        return waiting;
    }

    /** Claims the oldest waiting callback for an agent: exactly one agent wins each callback. */
    public Optional<StoredCallback> next(String agent, Function<String, Boolean> serves) {
        for (StoredCallback candidate : agentQueue(serves)) {
            Optional<StoredCallback> claimed = transitions.change(candidate, current -> current.state().equals("QUEUED")
                    ? Optional.of(transitions.with(current, "ROUTING", "", agent, current.attempts() + 1, current.desiredTime(),
                    current.data())) : Optional.empty());
            if (claimed.isPresent()) {
                ServiceOptions options = services.apply(claimed.get().service(), claimed.get().data());
                jobs.schedule(CallbackEngine.CLAIM_JOB, claimed.get().id() + "@" + claimed.get().version(),
                        clock.instant().plus(options.agentClaimTimeout()),
                        claimed.get().id() + " " + claimed.get().version());
                return claimed;
            }
        }
        return Optional.empty();
    }

    /** The job that gives a claimed callback back to its queue when its agent neither connected nor completed it. */
    void runClaimJob(String payload) {
        String[] parts = payload.split(" ");
        int version = Integer.parseInt(parts[1]);
        repository.find(parts[0]).filter(found -> found.version() == version && found.state().equals("ROUTING"))
                .ifPresent(callback -> {
                    LOG.info("Callback {}: agent {} did not connect it in time; back to its queue", callback.id(),
                            callback.agent());
                    transitions.change(callback, current -> current.version() == version && current.state().equals("ROUTING")
                            ? Optional.of(transitions.with(current, "QUEUED", "", "", current.attempts() - 1,
                            current.desiredTime(), current.data())) : Optional.empty());
                });
    }

    /** The agent reached the customer: PROCESSING. */
    public StoredCallback connected(String agent, String id) {
        StoredCallback callback = ownedBy(agent, id);
        return transitions.change(callback, current -> current.agent().equals(agent) && current.state().equals("ROUTING")
                ? Optional.of(transitions.with(current, "PROCESSING", "", agent, current.attempts(), current.desiredTime(),
                current.data())) : Optional.empty())
                .orElseThrow(() -> new CallbackException("Callback [" + id + "] is not claimed by agent [" + agent
                        + "]"));
    }

    /**
     * The agent is done: COMPLETED with {@code reason} (default {@code AGENT_CONNECTED}); with {@code retry}, the
     * customer was not reached: SCHEDULED again after {@code _dial_retry_timeout}, or COMPLETED/
     * {@code FAIL_CALL_TO_CUSTOMER} once {@code _max_dial_attempts} dials were made.
     */
    public StoredCallback complete(String agent, String id, String reason, boolean retry) {
        StoredCallback callback = ownedBy(agent, id);
        ServiceOptions options = services.apply(callback.service(), callback.data());
        if (!retry) {
            String why = reason == null || reason.isBlank() ? "AGENT_CONNECTED" : reason.trim();
            StoredCallback done = transitions.finish(callback, why, state -> state.equals("ROUTING") || state.equals("PROCESSING"))
                    .orElseThrow(() -> new CallbackException("Callback [" + id + "] is not claimed by agent [" + agent
                            + "]"));
            if (why.equals("AGENT_CONNECTED")) {
                Throttles.recordHandling(repository, done.queue(),
                        Duration.between(callback.updatedAt(), clock.instant()), clock);
            }
            return done;
        }
        if (callback.attempts() >= options.maxDialAttempts()) {
            return transitions.finish(callback, "FAIL_CALL_TO_CUSTOMER", state -> state.equals("ROUTING")
                    || state.equals("PROCESSING")).orElse(callback);
        }
        Instant again = clock.instant().plus(options.dialRetryTimeout());
        StoredCallback retried = transitions.change(callback, current -> current.agent().equals(agent)
                && (current.state().equals("ROUTING") || current.state().equals("PROCESSING"))
                ? Optional.of(transitions.with(current, "SCHEDULED", "", "", current.attempts(), current.desiredTime(),
                current.data())) : Optional.empty())
                .orElseThrow(() -> new CallbackException("Callback [" + id + "] is not claimed by agent [" + agent
                        + "]"));
        resubmit.accept(retried, again);
        return retried;
    }

    private StoredCallback ownedBy(String agent, String id) {
        StoredCallback callback = repository.find(id).orElseThrow(() ->
                CallbackNotFoundException.unknownCallback("Callback [" + id + "] not found"));
        if (!callback.agent().equals(agent)) {
            throw new CallbackException("Callback [" + id + "] is not claimed by agent [" + agent + "]");
        }
        return callback;
    }
}
