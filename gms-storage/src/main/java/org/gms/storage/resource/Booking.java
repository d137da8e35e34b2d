package org.gms.storage.resource;

import java.time.Instant;

/**
 * One access resource held by a service instance.
 *
 * @param accessCode {@code ""} when no code was asked for
 */
public record Booking(String accessNumber, String accessCode, String serviceId, String group,
                      AllocationStrategy strategy, String phoneNumber, String gmsUser, Instant bookedAt,
                      Instant expiresAt) {

    /** Key of the booking in the instance's resource map. */
    public String key() {
        return accessNumber + " " + accessCode;
    }
}
