package org.gms.storage.resource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One section of the resources list: {@code _allocation_strategy} (RANDOM), {@code _booking_expiration_timeout}
 * (30 s), {@code _backup_resource}; every other key not starting with {@code _} or {@code #} is a resource whose value
 * goes into the pool.
 *
 * @param duplicates values configured more than once (kept once in {@code resources})
 */
public record ResourceGroup(String name, AllocationStrategy strategy, Duration bookingTimeout, String backupResource,
                            List<String> resources, List<String> duplicates) {

    public static final Duration DEFAULT_BOOKING_TIMEOUT = Duration.ofSeconds(30);

    public ResourceGroup {
        resources = List.copyOf(resources);
        duplicates = List.copyOf(duplicates);
    }

    public static ResourceGroup from(String name, Map<String, String> options) {
        String strategyText = options.getOrDefault("_allocation_strategy", "").trim();
        AllocationStrategy strategy;
        try {
            strategy = strategyText.isEmpty() ? AllocationStrategy.RANDOM
                    : AllocationStrategy.valueOf(strategyText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Wrong value [" + strategyText + "] for option [" + name
                    + "] _allocation_strategy: use RANDOM, LOCAL or CLUSTER");
        }
        String timeoutText = options.getOrDefault("_booking_expiration_timeout", "").trim();
        Duration timeout = DEFAULT_BOOKING_TIMEOUT;
        if (!timeoutText.isEmpty()) {
            try {
                timeout = Duration.ofSeconds(Long.parseLong(timeoutText));
            } catch (NumberFormatException e) {
                timeout = Duration.ZERO;
            }
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("Wrong value [" + timeoutText + "] for option [" + name
                        + "] _booking_expiration_timeout: use a number of seconds above 0");
            }
        }
        Set<String> values = new LinkedHashSet<>();
        List<String> duplicates = new ArrayList<>();
        options.forEach((key, value) -> {
            String resource = value == null ? "" : value.trim();
            if (key.startsWith("_") || key.startsWith("#") || resource.isEmpty()) {
                return;
            }
            if (!values.add(resource)) {
                duplicates.add(resource);
            }
        });
        return new ResourceGroup(name, strategy, timeout, options.getOrDefault("_backup_resource", "").trim(),
                new ArrayList<>(values), duplicates);
    }
}
