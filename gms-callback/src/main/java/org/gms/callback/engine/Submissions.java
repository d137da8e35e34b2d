package org.gms.callback.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.gms.callback.api.CallbackState;
import org.gms.callback.config.CallbackSettings;
import org.gms.callback.config.ServiceOptions;
import org.gms.core.config.NamedSection;
import org.gms.storage.callback.CallbackRepository;
import org.gms.storage.callback.StoredCallback;
import org.gms.storage.cluster.job.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submission of callbacks to their executor: at once when due at creation, else by a job of the cluster job engine
 * at {@code _desired_time − _request_execution_time_buffer}, retried with backoff, and by the recovery pass for
 * those whose time passed while no node ran; with the pause switchboard a submitted callback obeys.
 */
final class Submissions {

    private static final Logger LOG = LoggerFactory.getLogger(Submissions.class);

    private final Supplier<CallbackSettings> settings;
    private final CallbackRepository repository;
    private final JobScheduler jobs;
    private final Map<String, Execution> executions;
    private final Transitions transitions;
    private final Clock clock;
    private final BiFunction<String, Map<String, String>, ServiceOptions> services;

    Submissions(Supplier<CallbackSettings> settings, CallbackRepository repository, JobScheduler jobs,
                Map<String, Execution> executions, Transitions transitions, Clock clock,
                BiFunction<String, Map<String, String>, ServiceOptions> services) {
        this.settings = settings;
        this.repository = repository;
        this.jobs = jobs;
        this.executions = executions;
        this.transitions = transitions;
        this.clock = clock;
        this.services = services;
    }

    void scheduleSubmit(StoredCallback callback, Instant at) {
        scheduleSubmit(callback, at, 0);
    }

    /**
     * The submission failures so far travel with the job, not in the record: the record's {@code attempts} counts
     * the dials, which a submission after a retry must keep.
     */
    private void scheduleSubmit(StoredCallback callback, Instant at, int failures) {
        scheduleSubmitAsync(callback, at, failures).join();
    }

    CompletableFuture<Void> scheduleSubmitAsync(StoredCallback callback, Instant at, int failures) {
        return jobs.scheduleAsync(CallbackEngine.SUBMIT_JOB, callback.id() + "@" + callback.version(), at, callback.id() + " "
                + callback.version() + (failures == 0 ? "" : " " + failures)).toCompletableFuture();
    }

    /** Submits a due callback now; a failure that may pass is retried by the job engine. */
    StoredCallback submitNowOrLater(StoredCallback callback, ServiceOptions options) {
        try {
            return submit(callback.id(), callback.version(), 0, true).orElse(callback);
        } catch (RetrySubmit e) {
            scheduleSubmit(e.callback(), clock.instant().plusSeconds(2), e.failures());
            return e.callback();
        }
    }

    /** A submission that failed in a way that may pass, with the failures so far. */
    static final class RetrySubmit extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient StoredCallback callback;
        private final int failures;

        RetrySubmit(StoredCallback callback, int failures, String message) {
            super(message);
            this.callback = callback;
            this.failures = failures;
        }

        StoredCallback callback() {
            return callback;
        }

        int failures() {
            return failures;
        }
    }

    /**
     * Submits the callback if it is still SCHEDULED at {@code version}: QUEUED (or PAUSED) when the executor takes
     * it, COMPLETED/SUBMIT_FAILED after {@code _max_ors_submit_attempts} failures or a refusal.
     *
     * @param failures   the failed submissions of this callback before this one
     * @param atCreation whether a request (a create, a reschedule) waits for this submission: an executor's
     *                   failure that carries an {@link Execution.SubmitException#answer() answer} then completes the
     *                   callback SUBMIT_FAILED at once and is thrown to that request
     * @return the new record, empty when there was nothing to do
     * @throws RetrySubmit when the executor failed and may succeed later
     */
    Optional<StoredCallback> submit(String id, int version, int failures, boolean atCreation) throws RetrySubmit {
        Optional<StoredCallback> found = repository.find(id);
        if (found.isEmpty() || found.get().version() != version
                || !found.get().state().equals(CallbackState.SCHEDULED.name())) {
            return Optional.empty();
        }
        StoredCallback callback = found.get();
        ServiceOptions options;
        try {
            options = services.apply(callback.service(), callback.data());
        } catch (RuntimeException e) {
            LOG.warn("Callback {} cannot be submitted: {}", id, e.getMessage());
            return Optional.of(transitions.finish(callback, "SUBMIT_FAILED", null).orElse(callback));
        }
        Execution execution = executions.get(options.execution());
        if (execution == null) {
            LOG.warn("Callback {}: no executor [{}] on this node", id, options.execution());
            return Optional.of(transitions.finish(callback, "SUBMIT_FAILED", null).orElse(callback));
        }
        String session;
        try {
            session = execution.submit(callback, options);
        } catch (Execution.SubmitException e) {
            int attempts = failures + 1;
            // the request that made the callback due answers the executor's error itself (GMS: ORS down, 500)
            boolean answered = atCreation && e.answer().isPresent();
            if (answered || !e.retry() || attempts >= options.maxSubmitAttempts()) {
                LOG.info("Callback {} submission failed ({} attempt(s)): {}", id, attempts, e.getMessage());
                StoredCallback failed = transitions.change(callback, current -> current.state().equals("SCHEDULED")
                        ? Optional.of(transitions.with(current, "COMPLETED", "SUBMIT_FAILED", current.agent(),
                        current.attempts(), current.desiredTime(), current.data())) : Optional.empty())
                        .orElse(callback);
                if (answered) {
                    throw e.answer().get();
                }
                return Optional.of(failed);
            }
            // touched, so the recovery pass leaves it to its retry job
            StoredCallback touched = transitions.change(callback, current -> current.state().equals("SCHEDULED")
                    ? Optional.of(transitions.with(current, current.state(), "", current.agent(), current.attempts(),
                    current.desiredTime(), current.data())) : Optional.empty()).orElse(callback);
            throw new RetrySubmit(touched, attempts, e.getMessage());
        }
        String state = paused(options) ? "PAUSED" : "QUEUED";
        return transitions.change(callback, current -> {
            if (!current.state().equals("SCHEDULED")) {
                return Optional.empty();
            }
            Map<String, String> data = new LinkedHashMap<>(current.data());
            if (!session.isEmpty()) {
                data.put("_ors_session_id", session);
            }
            return Optional.of(transitions.with(current, state, "", "", current.attempts(), current.desiredTime(), data));
        });
    }

    /** The job that submits a scheduled callback at {@code _desired_time − _request_execution_time_buffer}. */
    void runSubmitJob(String payload) throws RetrySubmit {
        String[] parts = payload.split(" ");
        Optional<StoredCallback> submitted;
        try {
            submitted = submit(parts[0], Integer.parseInt(parts[1]), parts.length > 2 ? Integer.parseInt(parts[2])
                    : 0, false);
        } catch (RetrySubmit e) {
            scheduleSubmit(e.callback(), clock.instant().plus(backoff(e.failures())), e.failures());
            return;
        }
        if (submitted.isPresent() && LOG.isDebugEnabled()) {
            LOG.debug("Callback {} submitted: {}", parts[0], submitted.get().state());
        }
    }

    private static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(300, 2L << Math.min(8, attempts)));
    }

    /** Whether the service is paused in its pause list ({@code <name>}, {@code _paused_services_id} or all). */
    boolean paused(ServiceOptions options) {
        Map<String, String> services = settings.get().list(options.pausedList())
                .map(list -> list.getOrDefault("services", Map.of())).orElse(Map.of());
        String key = options.pausedId().isEmpty() ? options.name() : options.pausedId();
        return Boolean.parseBoolean(services.getOrDefault(key, "").trim())
                || Boolean.parseBoolean(services.getOrDefault("all", "").trim());
    }

    /** One sweep of a service's queue: QUEUED ↔ PAUSED as its pause switch says. */
    int sweepPause(NamedSection section) {
        ServiceOptions options = settings.get().options(section, Map.of());
        boolean paused = paused(options);
        String from = paused ? "QUEUED" : "PAUSED";
        String to = paused ? "PAUSED" : "QUEUED";
        int changed = 0;
        for (StoredCallback callback : transitions.queued(section.name())) {
            if (callback.state().equals(from)) {
                changed += transitions.change(callback, current -> current.state().equals(from)
                        ? Optional.of(transitions.with(current, to, "", current.agent(), current.attempts(), current.desiredTime(),
                        current.data())) : Optional.empty()).isPresent() ? 1 : 0;
            }
        }
        return changed;
    }

    /**
     * The recovery pass: SCHEDULED callbacks of a service whose submission time passed (within
     * {@code _queue_poll_period_recovery} before now) are submitted, oldest first.
     */
    int recover(NamedSection section) {
        ServiceOptions options = settings.get().options(section, Map.of());
        Instant now = clock.instant();
        int[] period = options.recoveryPeriod();
        Instant from = now.plus(Duration.ofMinutes(period[0]));
        Instant to = now.plus(options.executionBuffer());
        int submitted = 0;
        for (StoredCallback callback : repository.byTime(section.name(), from, to, CallbackRepository.MAX_MATCHES)) {
            if (callback.state().equals("SCHEDULED")
                    && !callback.desiredTime().minus(options.executionBuffer()).isAfter(now)
                    && !callback.updatedAt().isAfter(now.minusSeconds(30))) {
                try {
                    submitted += submit(callback.id(), callback.version(), 0, false).isPresent() ? 1 : 0;
                } catch (RetrySubmit e) {
                    scheduleSubmit(e.callback(), now.plus(backoff(e.failures())), e.failures());
                }
            }
        }
        return submitted;
    }
}
