package org.gms.callback.engine;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.gms.callback.api.CallbackException;
import org.gms.callback.api.CallbackNotFoundException;
import org.gms.callback.api.CallbackState;
import org.gms.callback.api.CallbackUnavailableException;
import org.gms.callback.availability.Slot;
import org.gms.callback.config.CallbackSettings;
import org.gms.callback.config.ServiceOptions;
import org.gms.callback.rules.InQueueChecking;
import org.gms.callback.rules.QueueRules;
import org.gms.storage.callback.CallbackRepository;

/** The checks of a callback create (and of a reschedule's desired time), with the GMS statuses and messages. */
final class CreateChecks {

    private final Supplier<CallbackSettings> settings;
    private final CallbackRepository repository;
    private final SlotBook slots;
    private final Transitions transitions;

    CreateChecks(Supplier<CallbackSettings> settings, CallbackRepository repository, SlotBook slots,
                 Transitions transitions) {
        this.settings = settings;
        this.repository = repository;
        this.slots = slots;
        this.transitions = transitions;
    }

    /** The slot of a desired time, if it has one; refused (400, with nearby free slots) when it is not allowed. */
    Optional<Slot> desiredTime(ServiceOptions options, Instant desired, Instant now) {
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

    /** Shared mode: the ContactCenterId header must name a contact center of the list (400 otherwise). */
    void contactCenter(Map<String, String> headers) {
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

    /** {@code _enable_in_queue_checking}: refused (503) when the number already has enough unfinished callbacks. */
    void inQueue(ServiceOptions options, String customer) {
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

    /** {@code _max_queued_callbacks_per_service}: refused (503) when the service holds that many queued. */
    void queueLimit(ServiceOptions options) {
        QueueRules rules = Throttles.rules(options).queue();
        if (rules.maxQueuedCallbacks().isEmpty()) {
            return;
        }
        Optional<String> refused = rules.queueLimitRejection(options.name(), repository.active(options.name()).size());
        if (refused.isPresent()) {
            // the index may hold rows of callbacks finished by a node that died before removing them
            refused = rules.queueLimitRejection(options.name(), transitions.queued(options.name()).size());
        }
        refused.ifPresent(message -> {
            throw new CallbackUnavailableException(message);
        });
    }
}
