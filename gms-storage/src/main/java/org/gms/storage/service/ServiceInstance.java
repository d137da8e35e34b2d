package org.gms.storage.service;

import java.time.Instant;
import java.util.Map;

/**
 * A created service instance.
 *
 * @param resources access resources it holds: {@code "<number> <code>"} (code may be empty) to {@code "<group> <strategy>"}
 * @param gmsUser   the {@code gms_user} that created it, {@code ""} when none
 */
public record ServiceInstance(String id, String service, Map<String, String> parameters,
                              Map<String, String> resources, String gmsUser, Instant createdAt, Instant expiresAt) {

    public ServiceInstance {
        parameters = Map.copyOf(parameters);
        resources = Map.copyOf(resources);
    }
}
