package org.gms.storage.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gms.core.error.PayloadTooLargeException;
import org.gms.storage.cassandra.Cql;

/**
 * Service instances: ids {@code <prefix>-<uuid>}, lifetime by TTL and by the stored expiry (an instance past its
 * expiry is never returned, even while Cassandra still holds it).
 */
public final class ServiceInstanceRepository {

    /**
     * UTF-8 bytes the parameters of one instance may hold. An instance is one Cassandra mutation, which must stay
     * well below half a commit log segment (4 MiB on the embedded node).
     */
    public static final int MAX_PARAMETER_BYTES = 1_048_576;

    private final ServiceInstanceDao dao;
    private final Clock clock;

    public ServiceInstanceRepository(Cql cql, String keyspace, Clock clock) {
        this.dao = new ServiceInstanceDao(cql, keyspace);
        this.clock = clock;
    }

    /** A new id, {@code <prefix>-<uuid>}. */
    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** Stores a new instance that already holds {@code resources} (see {@link ServiceInstance#resources()}). */
    public ServiceInstance create(String id, String service, Map<String, String> parameters,
                                  Map<String, String> resources, String gmsUser, Duration lifetime) {
        checkSize(parameters);
        Instant now = clock.instant();
        ServiceInstance instance = new ServiceInstance(id, service, parameters, resources,
                gmsUser == null ? "" : gmsUser, now, now.plus(lifetime));
        dao.insert(instance, ttlSeconds(lifetime));
        return instance;
    }

    /** Refuses parameters too large to store, before anything is written. */
    public static void checkSize(Map<String, String> parameters) {
        long bytes = 0;
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            bytes += parameter.getKey().getBytes(StandardCharsets.UTF_8).length
                    + parameter.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > MAX_PARAMETER_BYTES) {
            throw new PayloadTooLargeException("Service parameters hold " + bytes + " bytes, more than "
                    + MAX_PARAMETER_BYTES);
        }
    }

    public Optional<ServiceInstance> find(String id) {
        Instant now = clock.instant();
        return dao.find(id).filter(instance -> instance.expiresAt().isAfter(now));
    }

    /** Records a resource the instance holds, for as long as the instance lives. */
    public void addResource(ServiceInstance instance, String key, String value) {
        Duration remaining = remaining(instance);
        if (!remaining.isZero()) {
            dao.addResource(instance.id(), key, value, ttlSeconds(remaining));
        }
    }

    public void removeResource(String id, String key) {
        dao.removeResource(id, key);
    }

    public void delete(String id) {
        dao.delete(id);
    }

    /** Remaining lifetime, zero when expired. */
    public Duration remaining(ServiceInstance instance) {
        Duration remaining = Duration.between(clock.instant(), instance.expiresAt());
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    /** TTL a little past the stored expiry: the expiry check is exact, the TTL only cleans up. */
    static int ttlSeconds(Duration lifetime) {
        return (int) Math.min(Integer.MAX_VALUE, lifetime.toSeconds() + 2);
    }
}
