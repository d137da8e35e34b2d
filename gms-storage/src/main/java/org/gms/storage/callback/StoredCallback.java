package org.gms.storage.callback;

import java.time.Instant;
import java.util.Map;

/**
 * One callback as stored.
 *
 * @param id          the service id ({@code <prefix>-<uuid>})
 * @param service     the callback service name
 * @param state       {@code SCHEDULED}, {@code QUEUED}, {@code ROUTING}, {@code PROCESSING}, {@code PAUSED} or
 *                    {@code COMPLETED}
 * @param reason      {@code _callback_reason}, {@code ""} when none
 * @param desiredTime the desired time (the creation time of an immediate callback)
 * @param queue       the virtual queue it waits in
 * @param agent       the agent working it, {@code ""} when none
 * @param attempts    dials made so far (claims by an agent); failed submissions are counted by the submit job
 * @param slotStart   start of the capacity slot it holds a place in, {@code null} when it holds none
 * @param seat        its place in that slot, {@code -1} when none
 * @param data        every other field: user data and the {@code _} fields of the record
 * @param version     incremented by every change; a change applies only to the version it read
 */
public record StoredCallback(String id, String service, String state, String reason, Instant desiredTime,
                             String queue, String agent, int attempts, Instant slotStart, int seat,
                             Map<String, String> data, Instant createdAt, Instant updatedAt, Instant expiresAt,
                             int version) {

    public StoredCallback {
        data = Map.copyOf(data);
    }

    public boolean holdsSeat() {
        return slotStart != null && seat >= 0;
    }
}
