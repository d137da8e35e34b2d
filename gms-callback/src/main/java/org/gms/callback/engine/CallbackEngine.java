package org.gms.callback.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.gms.callback.api.CallbackException;
import org.gms.callback.api.CallbackNotFoundException;
import org.gms.callback.api.CallbackState;
import org.gms.callback.api.CallbackUnavailableException;
import org.gms.callback.availability.Slot;
import org.gms.callback.calendar.OfficeHours;
import org.gms.callback.config.CallbackSettings;
import org.gms.callback.config.ServiceOptions;
import org.gms.callback.rules.InQueueChecking;
import org.gms.callback.rules.QueueRules;
import org.gms.core.config.NamedSection;
import org.gms.core.error.BadRequestException;
import org.gms.core.error.NotFoundException;
import org.gms.storage.callback.ActiveCallback;
import org.gms.storage.callback.CallbackRepository;
import org.gms.storage.callback.StoredCallback;
import org.gms.storage.cluster.job.JobHandler;
import org.gms.storage.cluster.job.JobScheduler;
import org.gms.storage.service.ServiceInstance;
import org.gms.storage.service.ServiceInstanceRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callback service: creation with its checks in the GMS order, queries, cancel, reschedule and progress reports,
 * queue positions, and the state machine every other part (submission, agents, sweeps) goes through. Every change
 * is a compare-and-set of the stored record, so concurrent requests and nodes never apply two changes to the same
 * version.
 */
public final class CallbackEngine {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackEngine.class);
    static final String SUBMIT_JOB = "callback.submit";
    static final String CLAIM_JOB = "callback.claim";
    private static final int CAS_ROUNDS = 20;
    /** Request parameters that drive the callback and are not stored as its data. */
    private static final Set<String> CONTROL = Set.of("_desired_time", "_new_desired_time", "_callback_state",
            "_callback_reason", "_id", "_service_name", "_expiration_time", "_agent_id", "operand");

    private final Supplier<CallbackSettings> settings;
    private final CallbackRepository repository;
    private final JobScheduler jobs;
    private final SlotBook slots;
    private final Throttles throttles;
    private final Seats seats;
    private final Map<String, Execution> executions;
    private final CallbackListener listener;
    private final Clock clock;
    private final Supplier<String> newId;

    public CallbackEngine(Supplier<CallbackSettings> settings, CallbackRepository repository,
                          JobScheduler jobs, Map<String, Execution> executions,
                          CallbackListener listener, Clock clock, Supplier<String> newId) {
        this.settings = settings;
        this.repository = repository;
        this.jobs = jobs;
        this.slots = new SlotBook(repository, clock, settings);
        this.throttles = new Throttles(repository, clock);
        this.seats = new Seats(repository);
        this.executions = Map.copyOf(executions);
        this.listener = listener;
        this.clock = clock;
        this.newId = newId;
    }

    // ------------------------------------------------------------------ services

    /** The options of a callback service for a request; 404 when no such service, 400 when not a callback one. */
    public ServiceOptions service(String name, Map<String, String> request) {
        CallbackSettings current = settings.get();
        NamedSection section = current.service(name)
                .orElseThrow(() -> new NotFoundException("Service [" + name + "] is not configured"));
        if (!ServiceOptions.isCallbackService(section)) {
            throw new BadRequestException("Service [" + name + "] is not a callback service (_service=callback)");
        }
        return current.options(section, request);
    }

    /** Registers the job handlers of submission and claim timeouts with the cluster's job engine. */
    public void registerJobs(JobScheduler scheduler) {
        // both change a callback only from the version the job names: a second run finds another version
        scheduler.register(SUBMIT_JOB, JobHandler.idempotent(job -> runSubmitJob(job.payload())));
        scheduler.register(CLAIM_JOB, JobHandler.idempotent(job -> runClaimJob(job.payload())));
    }

    public SlotBook slots() {
        return slots;
    }

    CallbackSettings settings() {
        return settings.get();
    }

    // ------------------------------------------------------------------ create

    /**
     * {@code POST /genesys/1/service/callback/<service>}: checks in the GMS order (contact center, mandatory keys,
     * phone number, desired time, customer already queued, queue limit, rate throttles, parameter throttle, slot),
     * stores the callback and submits it when it is due.
     *
     * @param headers request headers (lower-case names), for ContactCenterId and the throttle parameters
     * @param baseUrl {@code <scheme>://<host>/genesys}, for {@code _url}
     */
    public Map<String, Object> create(String serviceName, Map<String, String> request, Map<String, String> headers,
                                      String gmsUser, String baseUrl) {
        ServiceOptions options = service(serviceName, request);
        checkContactCenter(headers);
        List<String> missing = new ArrayList<>();
        for (String key : options.mandatoryKeys()) {
            if (request.getOrDefault(key, "").isBlank()) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            throw new CallbackException("Mandatory parameter(s) " + missing + " missing for callback service ["
                    + serviceName + "]");
        }
        String customer = request.getOrDefault("_customer_number", "").trim();
        if (!customer.isEmpty()) {
            PhoneCheck.check(options, customer);
        }
        Instant now = clock.instant();
        String desiredText = request.getOrDefault("_desired_time", "").trim();
        boolean immediate = desiredText.isEmpty();
        Instant desired = immediate ? now : Times.parse("_desired_time", desiredText);
        Optional<Slot> slot = Optional.empty();
        if (!immediate) {
            slot = checkDesiredTime(options, desired, now);
        } else if (options.rejectOutOfOfficeHours()) {
            Optional<OfficeHours> hours = slots.officeHours(options);
            if (hours.isPresent() && !hours.get().isOpenAt(now)) {
                throw new CallbackException("Callback for service [" + serviceName
                        + "] rejected: the office is closed (_enable_reject_out_of_office_hours)");
            }
        }
        boolean submitNow = immediate || !desired.minus(options.executionBuffer()).isAfter(now);
        checkInQueue(options, customer);
        if (submitNow) {
            checkQueueLimit(options);
            throttles.acquireRate(options);
        }
        if (immediate) {
            throttles.acquireParameters(options, request, headers);
        }
        String id = newId.get();
        Instant slotStart = null;
        int seat = -1;
        if (slot.isPresent()) {
            Duration keep = Duration.between(now, slot.get().end()).plus(Duration.ofDays(1));
            seat = seats.claim(serviceName, slot.get().start(), slot.get().total(), id, keep);
            if (seat < 0) {
                throw new CallbackException("The time slot of the desired time [" + Times.format(desired)
                        + "] is full for callback service [" + serviceName + "]", slots.nearby(options, desired));
            }
            slotStart = slot.get().start();
        }
        Map<String, String> data = new LinkedHashMap<>();
        request.forEach((key, value) -> {
            if (!CONTROL.contains(key) && !key.equalsIgnoreCase("gms_user")) {
                data.put(key, value);
            }
        });
        data.put("_url", baseUrl + "/1/service/" + id);
        String queue = options.virtualQueue();
        data.putIfAbsent("_urs_virtual_queue", queue);
        if (!gmsUser.isEmpty()) {
            data.put("gms_user", gmsUser);
        }
        Instant expires = desired.plus(options.ttl());
        String execution = options.execution();
        boolean queuedAtOnce = submitNow && execution.equals("queue");
        String state = queuedAtOnce ? (paused(options) ? CallbackState.PAUSED.name() : CallbackState.QUEUED.name())
                : CallbackState.SCHEDULED.name();
        StoredCallback callback = new StoredCallback(id, serviceName, state, "", desired, queue, "", 0, slotStart,
                seat, data, now, now, expires, 1);
        try {
            ServiceInstanceRepository.checkSize(data);
            // the submission job goes beside the record: a job without its record does nothing
            CompletableFuture<?> job = queuedAtOnce || submitNow ? CompletableFuture.completedFuture(null)
                    : scheduleSubmitAsync(callback, desired.minus(options.executionBuffer()), 0);
            repository.create(callback, lookups(options, callback));
            job.join();
        } catch (RuntimeException e) {
            seats.release(serviceName, slotStart, seat, id);
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        listener.changed(Optional.empty(), callback, options);
        if (!queuedAtOnce && submitNow) {
            callback = submitNowOrLater(callback, options);
        }
        return dialog(options, callback);
    }

    private Optional<Slot> checkDesiredTime(ServiceOptions options, Instant desired, Instant now) {
        if (desired.isBefore(now.minus(options.rejectPast()))) {
            throw new CallbackException("Desired time [" + Times.format(desired) + "] is in the past, more than "
                    + options.rejectPast().toSeconds() + " s ago (_reject_past_desired_time)");
        }
        if (desired.isAfter(slots.latest(options, now))) {
            throw new CallbackException("Desired time [" + Times.format(desired) + "] is too far ahead: later than "
                    + Times.format(slots.latest(options, now)) + " (_reject_future_desired_time)",
                    slots.nearby(options, now));
        }
        if (!desired.isAfter(now)) {
            return Optional.empty();
        }
        Optional<Slot> slot = slots.slotOf(options, desired);
        if (slot.isEmpty()) {
            throw new CallbackException("Desired time [" + Times.format(desired)
                    + "] is outside the office hours of callback service [" + options.name() + "]",
                    slots.nearby(options, desired));
        }
        if (slot.get().total() <= 0) {
            throw new CallbackException("The time slot of the desired time [" + Times.format(desired)
                    + "] has no capacity for callback service [" + options.name() + "]",
                    slots.nearby(options, desired));
        }
        return slot;
    }

    private void checkContactCenter(Map<String, String> headers) {
        CallbackSettings current = settings.get();
        if (!current.sharedMode()) {
            return;
        }
        String id = headers.getOrDefault("contactcenterid", "").trim();
        Map<String, Map<String, String>> centers = current.list(current.contactCenterList()).orElse(Map.of());
        if (id.isEmpty() || !centers.containsKey(id)) {
            throw CallbackNotFoundException.unknownContactCenter(id);
        }
    }

    private void checkInQueue(ServiceOptions options, String customer) {
        InQueueChecking checking = Throttles.rules(options).queue().inQueueChecking();
        if (checking == InQueueChecking.OFF || customer.isEmpty()) {
            return;
        }
        long unfinished = repository.byKey("_customer_number", customer).stream()
                .filter(callback -> callback.service().equals(options.name()))
                .filter(callback -> !callback.state().equals(CallbackState.COMPLETED.name()))
                .count();
        if (checking.rejects(unfinished)) {
            throw new CallbackUnavailableException("Callback for _customer_number=" + customer + " rejected because "
                    + unfinished + " callback(s) for this number are already in queue (_enable_in_queue_checking)");
        }
    }

    private void checkQueueLimit(ServiceOptions options) {
        QueueRules rules = Throttles.rules(options).queue();
        if (rules.maxQueuedCallbacks().isEmpty()) {
            return;
        }
        Optional<String> refused = rules.queueLimitRejection(options.name(), repository.active(options.name()).size());
        if (refused.isPresent()) {
            // the index may hold rows of callbacks finished by a node that died before removing them
            refused = rules.queueLimitRejection(options.name(), queued(options.name()).size());
        }
        refused.ifPresent(message -> {
            throw new CallbackUnavailableException(message);
        });
    }

    // ------------------------------------------------------------------ submission

    private void scheduleSubmit(StoredCallback callback, Instant at) {
        scheduleSubmit(callback, at, 0);
    }

    /**
     * The submission failures so far travel with the job, not in the record: the record's {@code attempts} counts
     * the dials, which a submission after a retry must keep.
     */
    private void scheduleSubmit(StoredCallback callback, Instant at, int failures) {
        scheduleSubmitAsync(callback, at, failures).join();
    }

    private CompletableFuture<Void> scheduleSubmitAsync(StoredCallback callback, Instant at, int failures) {
        return jobs.scheduleAsync(SUBMIT_JOB, callback.id() + "@" + callback.version(), at, callback.id() + " "
                + callback.version() + (failures == 0 ? "" : " " + failures)).toCompletableFuture();
    }

    /** Submits a due callback now; a failure that may pass is retried by the job engine. */
    private StoredCallback submitNowOrLater(StoredCallback callback, ServiceOptions options) {
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
            options = service(callback.service(), callback.data());
        } catch (RuntimeException e) {
            LOG.warn("Callback {} cannot be submitted: {}", id, e.getMessage());
            return Optional.of(finish(callback, "SUBMIT_FAILED", null).orElse(callback));
        }
        Execution execution = executions.get(options.execution());
        if (execution == null) {
            LOG.warn("Callback {}: no executor [{}] on this node", id, options.execution());
            return Optional.of(finish(callback, "SUBMIT_FAILED", null).orElse(callback));
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
                StoredCallback failed = change(callback, current -> current.state().equals("SCHEDULED")
                        ? Optional.of(with(current, "COMPLETED", "SUBMIT_FAILED", current.agent(),
                        current.attempts(), current.desiredTime(), current.data())) : Optional.empty())
                        .orElse(callback);
                if (answered) {
                    throw e.answer().get();
                }
                return Optional.of(failed);
            }
            // touched, so the recovery pass leaves it to its retry job
            StoredCallback touched = change(callback, current -> current.state().equals("SCHEDULED")
                    ? Optional.of(with(current, current.state(), "", current.agent(), current.attempts(),
                    current.desiredTime(), current.data())) : Optional.empty()).orElse(callback);
            throw new RetrySubmit(touched, attempts, e.getMessage());
        }
        String state = paused(options) ? "PAUSED" : "QUEUED";
        return change(callback, current -> {
            if (!current.state().equals("SCHEDULED")) {
                return Optional.empty();
            }
            Map<String, String> data = new LinkedHashMap<>(current.data());
            if (!session.isEmpty()) {
                data.put("_ors_session_id", session);
            }
            return Optional.of(with(current, state, "", "", current.attempts(), current.desiredTime(), data));
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

    // ------------------------------------------------------------------ queries

    public Optional<StoredCallback> find(String id) {
        return repository.find(id);
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

    /** {@code GET /1/service/<id>/check-queue-position}. */
    public Map<String, Object> position(String id) {
        StoredCallback callback = repository.find(id).orElseThrow(() ->
                CallbackNotFoundException.unknownCallback("Callback [" + id + "] not found"));
        List<StoredCallback> waiting = queued(callback.service()).stream()
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

    // ------------------------------------------------------------------ cancel, update

    /** {@code DELETE /1/service/callback/<service>/<id>}: COMPLETED/{@code reason}; 404 when unknown or finished. */
    public StoredCallback cancel(String service, String id, String reason) {
        StoredCallback callback = repository.find(id).filter(found -> service.isEmpty()
                        || found.service().equals(service))
                .orElseThrow(() -> CallbackNotFoundException.unknownCallback("Callback [" + id
                        + "] not found" + (service.isEmpty() ? "" : " in service [" + service + "]")));
        Optional<StoredCallback> cancelled = cancel(callback, reason, state -> !state.equals("COMPLETED"));
        return cancelled.orElseThrow(() -> CallbackNotFoundException.unknownCallback("Callback [" + id
                + "] is already completed"));
    }

    /**
     * {@code POST /1/admin/callback/cancel}: cancels each id unless it is PROCESSING or finished.
     *
     * @return id to {@code Ok} or {@code FAILURE_MISSING}
     */
    public Map<String, String> adminCancel(String reason, List<String> ids) {
        Map<String, String> outcome = new LinkedHashMap<>();
        for (String id : ids) {
            Optional<StoredCallback> callback = repository.find(id);
            Optional<StoredCallback> cancelled = callback.flatMap(found -> cancel(found, reason,
                    state -> !state.equals("COMPLETED") && !state.equals("PROCESSING")));
            outcome.put(id, cancelled.isPresent() ? "Ok" : "FAILURE_MISSING");
        }
        return outcome;
    }

    /** Completes a callback whose state passes {@code allowed} (null: any unfinished state). */
    Optional<StoredCallback> finish(StoredCallback callback, String reason,
                                    java.util.function.Predicate<String> allowed) {
        return change(callback, current -> {
            boolean ok = allowed == null ? !current.state().equals("COMPLETED") : allowed.test(current.state());
            return ok ? Optional.of(with(current, "COMPLETED", reason, current.agent(), current.attempts(),
                    current.desiredTime(), current.data())) : Optional.empty();
        });
    }

    /**
     * Cancels a callback whose state passes {@code allowed}, with any reason (an admin may give its own): COMPLETED,
     * its seat given back at once, its executor told.
     */
    private Optional<StoredCallback> cancel(StoredCallback callback, String reason,
                                            java.util.function.Predicate<String> allowed) {
        Optional<StoredCallback> done = finish(callback, reason, allowed);
        done.ifPresent(finished -> {
            seats.release(finished.service(), finished.slotStart(), finished.seat(), finished.id());
            notifyCancelled(callback, finished);
        });
        return done;
    }

    private void notifyCancelled(StoredCallback before, StoredCallback finished) {
        if (!CallbackRepository.ACTIVE_STATES.contains(before.state())) {
            return;
        }
        try {
            ServiceOptions options = service(finished.service(), finished.data());
            Execution execution = executions.get(options.execution());
            if (execution != null) {
                execution.cancelled(finished, options);
            }
        } catch (RuntimeException e) {
            LOG.warn("Callback {}: the executor was not told of the cancel: {}", finished.id(), e.getMessage());
        }
    }

    /**
     * {@code PUT /1/service/callback/<service>/<id>}: a new desired time ({@code _new_desired_time} or a changed
     * {@code _desired_time}) reschedules; {@code _callback_state} (+ {@code _callback_reason}) reports progress; other
     * keys update the data, {@code ""} removes a key.
     */
    public Map<String, Object> update(String service, String id, Map<String, String> body) {
        StoredCallback callback = repository.find(id).filter(found -> found.service().equals(service))
                .orElseThrow(() -> CallbackNotFoundException.unknownCallback("Callback [" + id
                        + "] not found in service [" + service + "]"));
        ServiceOptions options = service(service, callback.data());
        String newTime = body.getOrDefault("_new_desired_time", "").trim();
        if (newTime.isEmpty()) {
            String sent = body.getOrDefault("_desired_time", "").trim();
            if (!sent.isEmpty() && !Times.parse("_desired_time", sent).equals(callback.desiredTime())) {
                newTime = sent;
            }
        }
        if (callback.state().equals("COMPLETED")) {
            throw new CallbackException("Callback [" + id + "] is completed and cannot be changed");
        }
        StoredCallback current = callback;
        if (!newTime.isEmpty()) {
            current = reschedule(options, current, Times.parse("_desired_time", newTime));
        }
        String reportedState = body.getOrDefault("_callback_state", "").trim().toUpperCase(Locale.ROOT);
        String reportedReason = body.getOrDefault("_callback_reason", "").trim();
        Map<String, String> changes = new LinkedHashMap<>(body);
        CONTROL.forEach(changes::remove);
        if (!changes.isEmpty()) {
            Map<String, String> before = lookups(options, current);
            current = change(current, latest -> {
                Map<String, String> data = new LinkedHashMap<>(latest.data());
                changes.forEach((key, value) -> {
                    if (value.isEmpty()) {
                        data.remove(key);
                    } else {
                        data.put(key, value);
                    }
                });
                return Optional.of(with(latest, latest.state(), latest.reason(), latest.agent(), latest.attempts(),
                        latest.desiredTime(), data));
            }, before, options).orElse(current);
        }
        if (!reportedState.isEmpty() && !reportedState.equals(current.state())) {
            current = report(current, reportedState, reportedReason);
        }
        return Records.render(current, settings.get().returnedKeys(), clock);
    }

    private StoredCallback report(StoredCallback callback, String state, String reason) {
        CallbackState target;
        try {
            target = CallbackState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Wrong value [" + state + "] for parameter [_callback_state]: use one of "
                    + java.util.Arrays.toString(CallbackState.values()));
        }
        if (target == CallbackState.SCHEDULED) {
            throw new BadRequestException("A callback is rescheduled with _new_desired_time, not _callback_state");
        }
        if (target == CallbackState.COMPLETED) {
            return finish(callback, reason.isEmpty() ? "AGENT_CONNECTED" : reason, null).orElse(callback);
        }
        return change(callback, current -> current.state().equals("COMPLETED") ? Optional.empty()
                : Optional.of(with(current, target.name(), reason.isEmpty() ? current.reason() : reason,
                current.agent(), current.attempts(), current.desiredTime(), current.data()))).orElse(callback);
    }

    private StoredCallback reschedule(ServiceOptions options, StoredCallback callback, Instant desired) {
        Instant now = clock.instant();
        Optional<Slot> slot;
        try {
            slot = checkDesiredTime(options, desired, now);
        } catch (CallbackException e) {
            throw new CallbackException("Reschedule of callback [" + callback.id() + "] refused: " + e.getMessage(),
                    slots.nearby(options, desired));
        }
        Instant slotStart = null;
        int seat = -1;
        if (slot.isPresent()) {
            if (slot.get().start().equals(callback.slotStart())) {
                slotStart = callback.slotStart();
                seat = callback.seat();
            } else {
                Duration keep = Duration.between(now, slot.get().end()).plus(Duration.ofDays(1));
                seat = seats.claim(callback.service(), slot.get().start(), slot.get().total(), callback.id(), keep);
                if (seat < 0) {
                    throw new CallbackException("Reschedule of callback [" + callback.id() + "] refused: the time"
                            + " slot of [" + Times.format(desired) + "] is full", slots.nearby(options, desired));
                }
                slotStart = slot.get().start();
            }
        }
        boolean due = !desired.minus(options.executionBuffer()).isAfter(now);
        Instant newSlot = slotStart;
        int newSeat = seat;
        Optional<StoredCallback> moved = change(callback, current -> {
            if (current.state().equals("COMPLETED") || current.state().equals("ROUTING")
                    || current.state().equals("PROCESSING")) {
                return Optional.empty();
            }
            String state = due && current.state().equals("QUEUED") ? current.state() : "SCHEDULED";
            Instant expires = desired.plus(options.ttl());
            return Optional.of(new StoredCallback(current.id(), current.service(), state, "", desired,
                    current.queue(), "", current.attempts(), newSlot, newSeat, current.data(), current.createdAt(),
                    clock.instant(), expires.isAfter(current.expiresAt()) ? expires : current.expiresAt(),
                    current.version() + 1));
        });
        if (moved.isEmpty()) {
            if (newSeat >= 0 && !java.util.Objects.equals(newSlot, callback.slotStart())) {
                seats.release(callback.service(), newSlot, newSeat, callback.id());
            }
            throw new CallbackException("Callback [" + callback.id() + "] is " + callback.state()
                    + " and cannot be rescheduled");
        }
        if (callback.holdsSeat() && !callback.slotStart().equals(newSlot)) {
            seats.release(callback.service(), callback.slotStart(), callback.seat(), callback.id());
        }
        StoredCallback rescheduled = moved.get();
        if (rescheduled.state().equals("SCHEDULED")) {
            if (due) {
                return submitNowOrLater(rescheduled, options);
            }
            scheduleSubmit(rescheduled, desired.minus(options.executionBuffer()));
        }
        return rescheduled;
    }

    // ------------------------------------------------------------------ agents

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
            for (StoredCallback callback : queued(section.name())) {
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
            Optional<StoredCallback> claimed = change(candidate, current -> current.state().equals("QUEUED")
                    ? Optional.of(with(current, "ROUTING", "", agent, current.attempts() + 1, current.desiredTime(),
                    current.data())) : Optional.empty());
            if (claimed.isPresent()) {
                ServiceOptions options = service(claimed.get().service(), claimed.get().data());
                jobs.schedule(CLAIM_JOB, claimed.get().id() + "@" + claimed.get().version(),
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
                    change(callback, current -> current.version() == version && current.state().equals("ROUTING")
                            ? Optional.of(with(current, "QUEUED", "", "", current.attempts() - 1,
                            current.desiredTime(), current.data())) : Optional.empty());
                });
    }

    /** The agent reached the customer: PROCESSING. */
    public StoredCallback connected(String agent, String id) {
        StoredCallback callback = ownedBy(agent, id);
        return change(callback, current -> current.agent().equals(agent) && current.state().equals("ROUTING")
                ? Optional.of(with(current, "PROCESSING", "", agent, current.attempts(), current.desiredTime(),
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
        ServiceOptions options = service(callback.service(), callback.data());
        if (!retry) {
            String why = reason == null || reason.isBlank() ? "AGENT_CONNECTED" : reason.trim();
            StoredCallback done = finish(callback, why, state -> state.equals("ROUTING") || state.equals("PROCESSING"))
                    .orElseThrow(() -> new CallbackException("Callback [" + id + "] is not claimed by agent [" + agent
                            + "]"));
            if (why.equals("AGENT_CONNECTED")) {
                Throttles.recordHandling(repository, done.queue(),
                        Duration.between(callback.updatedAt(), clock.instant()), clock);
            }
            return done;
        }
        if (callback.attempts() >= options.maxDialAttempts()) {
            return finish(callback, "FAIL_CALL_TO_CUSTOMER", state -> state.equals("ROUTING")
                    || state.equals("PROCESSING")).orElse(callback);
        }
        Instant again = clock.instant().plus(options.dialRetryTimeout());
        StoredCallback retried = change(callback, current -> current.agent().equals(agent)
                && (current.state().equals("ROUTING") || current.state().equals("PROCESSING"))
                ? Optional.of(with(current, "SCHEDULED", "", "", current.attempts(), current.desiredTime(),
                current.data())) : Optional.empty())
                .orElseThrow(() -> new CallbackException("Callback [" + id + "] is not claimed by agent [" + agent
                        + "]"));
        scheduleSubmit(retried, again);
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

    // ------------------------------------------------------------------ pause switchboard

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
        for (StoredCallback callback : queued(section.name())) {
            if (callback.state().equals(from)) {
                changed += change(callback, current -> current.state().equals(from)
                        ? Optional.of(with(current, to, "", current.agent(), current.attempts(), current.desiredTime(),
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

    // ------------------------------------------------------------------ admin

    /** The callbacks of one service with a desired time in the window, oldest first. */
    public List<StoredCallback> inWindow(String service, Instant from, Instant to, int max) {
        return repository.byTime(service, from, to, max);
    }

    public List<String> callbackServiceNames() {
        return settings.get().callbackServices().stream().map(NamedSection::name).toList();
    }

    public Map<String, Object> render(StoredCallback callback) {
        return Records.render(callback, settings.get().returnedKeys(), clock);
    }

    /** Submitted, unfinished callbacks per service (QUEUED, ROUTING, PROCESSING; PAUSED too). */
    public int watermark(String service) {
        return (int) queued(service).stream().filter(callback -> !callback.state().equals("PAUSED")).count();
    }

    // ------------------------------------------------------------------ state changes

    private StoredCallback with(StoredCallback current, String state, String reason, String agent, int attempts,
                                Instant desired, Map<String, String> data) {
        return new StoredCallback(current.id(), current.service(), state, reason, desired, current.queue(), agent,
                attempts, current.slotStart(), current.seat(), data, current.createdAt(), clock.instant(),
                current.expiresAt(), current.version() + 1);
    }

    private Optional<StoredCallback> change(StoredCallback read,
                                            Function<StoredCallback, Optional<StoredCallback>> next) {
        ServiceOptions options;
        try {
            options = service(read.service(), read.data());
        } catch (RuntimeException e) {
            options = null;
        }
        return change(read, next, null, options);
    }

    /**
     * Applies {@code next} to the latest version of a record until its compare-and-set holds, then tells the
     * listener. {@code next} returns empty when the change no longer applies.
     */
    private Optional<StoredCallback> change(StoredCallback read,
                                            Function<StoredCallback, Optional<StoredCallback>> next,
                                            Map<String, String> lookupsBefore, ServiceOptions options) {
        StoredCallback current = read;
        for (int round = 0; round < CAS_ROUNDS; round++) {
            Optional<StoredCallback> changed = next.apply(current);
            if (changed.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> before = lookupsBefore != null ? lookupsBefore : lookups(options, current);
            Map<String, String> after = lookups(options, changed.get());
            if (repository.replace(current, changed.get(), before, after)) {
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
            lookupsBefore = null;
        }
        throw new CallbackUnavailableException("Callback [" + read.id() + "] is being changed by other requests;"
                + " try again");
    }

    private static Map<String, String> lookups(ServiceOptions options, StoredCallback callback) {
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

    private Map<String, Object> dialog(ServiceOptions options, StoredCallback callback) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("_id", callback.id());
        if (options.callDirection().equals(ServiceOptions.USER_ORIGINATED)) {
            String number = dialNumber(options);
            answer.put("_action", "DialNumber");
            answer.put("_tel_url", "tel:" + number);
            answer.put("_label", "Call " + number);
            answer.put("_dialog_id", "0");
        } else {
            answer.put("_action", "ConfirmationDialog");
            answer.put("_text", "You will receive the call shortly");
            answer.put("_ok_title", "Ok");
            answer.put("_dialog_id", "0");
        }
        return answer;
    }

    /** The number a user-originated callback dials: the DN of {@code _route_point} ({@code 8999@SIP_Switch}). */
    private static String dialNumber(ServiceOptions options) {
        String routePoint = options.value("_route_point");
        int at = routePoint.indexOf('@');
        return at > 0 ? routePoint.substring(0, at) : routePoint;
    }
}
