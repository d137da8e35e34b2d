package org.gms.callback.api;

/** {@code _callback_state} values. */
public enum CallbackState {
    /** Stored, waiting for its submission time. */
    SCHEDULED,
    /** Submitted: waiting in its virtual queue (or at the dialer / ORS). */
    QUEUED,
    /** Claimed by an agent, or the customer is being reached. */
    ROUTING,
    /** Customer and agent are connected. */
    PROCESSING,
    /** Queued in a paused service. */
    PAUSED,
    /** Final; {@code _callback_reason} says why. */
    COMPLETED;

    public boolean isFinal() {
        return this == COMPLETED;
    }
}
