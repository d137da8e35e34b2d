package org.gms.callback.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.gms.callback.api.CallbackException;
import org.gms.callback.api.CallbackNotFoundException;
import org.gms.callback.api.CallbackState;
import org.gms.callback.availability.Slot;
import org.gms.callback.calendar.OfficeHours;
import org.gms.callback.config.CallbackSettings;
import org.gms.callback.config.ServiceOptions;
import org.gms.core.config.NamedSection;
import org.gms.core.error.BadRequestException;
import org.gms.core.error.NotFoundException;
import org.gms.storage.callback.CallbackRepository;
import org.gms.storage.callback.StoredCallback;
import org.gms.storage.cluster.job.JobHandler;
import org.gms.storage.cluster.job.JobScheduler;
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
    private final Transitions transitions;
    private final CreateChecks checks;
    private final AgentDesk agents;
    private final CallbackQueries queries;
    private final Submissions submissions;

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
        this.transitions = new Transitions(repository, listener, clock, this::service);
        this.submissions = new Submissions(settings, repository, jobs, this.executions, transitions, clock,
                this::service);
        this.checks = new CreateChecks(settings, repository, slots, transitions);
        this.agents = new AgentDesk(transitions, settings, repository, jobs, clock, this::service,
                (callback, at) -> submissions.scheduleSubmit(callback, at));
        this.queries = new CallbackQueries(repository, settings, transitions, clock);
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

    /**
     * The service a create of {@code name} goes to instead: the callback service's effective {@code _redirect}
     * ({@code _overwritable_options} may let the request set it, a request value {@code ""} unsets it), empty when
     * it is unset or names the service itself; 404 when no such service, 400 when not a callback one.
     */
    public Optional<String> redirect(String name, Map<String, String> request) {
        String target = service(name, request).section().redirect(request);
        return target.isEmpty() || target.equals(name) ? Optional.empty() : Optional.of(target);
    }

    /** Whether {@code name} is a configured callback service. */
    public boolean isCallbackService(String name) {
        return settings.get().service(name).map(ServiceOptions::isCallbackService).orElse(false);
    }

    /** Registers the job handlers of submission and claim timeouts with the cluster's job engine. */
    public void registerJobs(JobScheduler scheduler) {
        // both change a callback only from the version the job names: a second run finds another version
        scheduler.register(SUBMIT_JOB, JobHandler.idempotent(job -> submissions.runSubmitJob(job.payload())));
        scheduler.register(CLAIM_JOB, JobHandler.idempotent(job -> agents.runClaimJob(job.payload())));
    }

    public SlotBook slots() {
        return slots;
    }

    Submissions submissions() {
        return submissions;
    }

    /** The agent side of the queue. */
    public AgentDesk agents() {
        return agents;
    }

    /** Queries, queue positions and instances. */
    public CallbackQueries queries() {
        return queries;
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
        checks.contactCenter(headers);
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
            slot = checks.desiredTime(options, desired, now);
        } else if (options.rejectOutOfOfficeHours()) {
            Optional<OfficeHours> hours = slots.officeHours(options);
            if (hours.isPresent() && !hours.get().isOpenAt(now)) {
                throw new CallbackException("Callback for service [" + serviceName
                        + "] rejected: the office is closed (_enable_reject_out_of_office_hours)");
            }
        }
        boolean submitNow = immediate || !desired.minus(options.executionBuffer()).isAfter(now);
        checks.inQueue(options, customer);
        if (submitNow) {
            checks.queueLimit(options);
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
        String state = !queuedAtOnce ? CallbackState.SCHEDULED.name()
                : submissions.paused(options) ? CallbackState.PAUSED.name() : CallbackState.QUEUED.name();
        StoredCallback callback = new StoredCallback(id, serviceName, state, "", desired, queue, "", 0, slotStart,
                seat, data, now, now, expires, 1);
        try {
            ServiceInstanceRepository.checkSize(data);
            // the submission job goes beside the record: a job without its record does nothing
            CompletableFuture<?> job = queuedAtOnce || submitNow ? CompletableFuture.completedFuture(null)
                    : submissions.scheduleSubmitAsync(callback, desired.minus(options.executionBuffer()), 0);
            repository.create(callback, Transitions.lookups(options, callback));
            job.join();
        } catch (RuntimeException e) {
            seats.release(serviceName, slotStart, seat, id);
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        listener.changed(Optional.empty(), callback, options);
        if (!queuedAtOnce && submitNow) {
            callback = submissions.submitNowOrLater(callback, options);
        }
        return Records.dialog(options, callback);
    }

    // ------------------------------------------------------------------ queries

    public Optional<StoredCallback> find(String id) {
        return repository.find(id);
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

    /**
     * Cancels a callback whose state passes {@code allowed}, with any reason (an admin may give its own): COMPLETED,
     * its seat given back at once, its executor told.
     */
    private Optional<StoredCallback> cancel(StoredCallback callback, String reason,
                                            java.util.function.Predicate<String> allowed) {
        Optional<StoredCallback> done = transitions.finish(callback, reason, allowed);
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
            Map<String, String> before = Transitions.lookups(options, current);
            current = transitions.change(current, latest -> {
                Map<String, String> data = new LinkedHashMap<>(latest.data());
                changes.forEach((key, value) -> {
                    if (value.isEmpty()) {
                        data.remove(key);
                    } else {
                        data.put(key, value);
                    }
                });
                return Optional.of(transitions.with(latest, latest.state(), latest.reason(), latest.agent(), latest.attempts(),
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
            return transitions.finish(callback, reason.isEmpty() ? "AGENT_CONNECTED" : reason, null).orElse(callback);
        }
        return transitions.change(callback, current -> current.state().equals("COMPLETED") ? Optional.empty()
                : Optional.of(transitions.with(current, target.name(), reason.isEmpty() ? current.reason() : reason,
                current.agent(), current.attempts(), current.desiredTime(), current.data()))).orElse(callback);
    }

    private StoredCallback reschedule(ServiceOptions options, StoredCallback callback, Instant desired) {
        Instant now = clock.instant();
        Optional<Slot> slot;
        try {
            slot = checks.desiredTime(options, desired, now);
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
        Optional<StoredCallback> moved = transitions.change(callback, current -> {
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
                return submissions.submitNowOrLater(rescheduled, options);
            }
            submissions.scheduleSubmit(rescheduled, desired.minus(options.executionBuffer()));
        }
        return rescheduled;
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
        return (int) transitions.queued(service).stream().filter(callback -> !callback.state().equals("PAUSED")).count();
    }


}
