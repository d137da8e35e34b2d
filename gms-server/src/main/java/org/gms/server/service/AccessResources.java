package org.gms.server.service;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.gms.core.error.ServiceUnavailableException;
import org.gms.server.node.Alarms;
import org.gms.storage.resource.AllocationRequest;
import org.gms.storage.resource.Booking;
import org.gms.storage.resource.ResourceGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access-number pools from {@code etc/lists/<[resources] resources_list_name>.ini}, read again whenever the list
 * changes. An exhausted pool hands out its {@code _backup_resource}, else answers 503 and raises alarm 2001 (once
 * until the pool has a free resource again); a resource configured twice raises alarm 2000.
 */
final class AccessResources {

    private static final Logger LOG = LoggerFactory.getLogger(AccessResources.class);

    private record Parsed(Object source, Map<String, ResourceGroup> groups) {
    }

    private final Supplier<ServiceSettings> settings;
    private final ServiceRepositories storage;
    private final AtomicReference<Parsed> parsed = new AtomicReference<>(new Parsed(null, Map.of()));
    private final Set<String> exhausted = ConcurrentHashMap.newKeySet();

    AccessResources(Supplier<ServiceSettings> settings, ServiceRepositories storage) {
        this.settings = settings;
        this.storage = storage;
    }

    Booking allocate(String groupName, AllocationRequest request) {
        ResourceGroup group = groups().get(groupName);
        if (group == null) {
            Alarms.raise(Alarms.RESOURCES_CONFIGURATION, "Resource group [" + groupName + "] is not configured in list ["
                    + listName() + "]");
            throw new ServiceUnavailableException("Resource group [" + groupName + "] is not configured");
        }
        Optional<Booking> booking = storage.resources().allocate(group, request);
        if (booking.isPresent()) {
            if (exhausted.remove(groupName)) {
                LOG.info("Resource group [{}] has free resources again", groupName);
            }
            return booking.get();
        }
        if (!group.backupResource().isEmpty()) {
            LOG.debug("Resource group [{}] is exhausted; handing out the backup resource", groupName);
            return storage.resources().bookShared(group, group.backupResource(), request);
        }
        if (exhausted.add(groupName)) {
            Alarms.raise(Alarms.NO_MORE_RESOURCES, "No more resources in group [" + groupName + "]");
        }
        throw new ServiceUnavailableException("No more resources available in group [" + groupName + "]");
    }

    Map<String, ResourceGroup> groups() {
        Map<String, Map<String, String>> source = settings.get().resourceGroups();
        Parsed known = parsed.get();
        if (known.source() == source) {
            return known.groups();
        }
        Map<String, ResourceGroup> groups = parse(source);
        parsed.set(new Parsed(source, groups));
        return groups;
    }

    private String listName() {
        return settings.get().resourcesListName();
    }

    private static Map<String, ResourceGroup> parse(Map<String, Map<String, String>> list) {
        Map<String, ResourceGroup> groups = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        list.forEach((name, options) -> {
            ResourceGroup group;
            try {
                group = ResourceGroup.from(name, options);
            } catch (IllegalArgumentException e) {
                Alarms.raise(Alarms.RESOURCES_CONFIGURATION, e.getMessage() + "; group [" + name + "] is ignored");
                return;
            }
            for (String duplicate : group.duplicates()) {
                Alarms.raise(Alarms.RESOURCES_CONFIGURATION, "Resource [" + duplicate
                        + "] is configured more than once in group [" + name + "]");
            }
            for (String resource : group.resources()) {
                if (!seen.add(resource)) {
                    Alarms.raise(Alarms.RESOURCES_CONFIGURATION, "Resource [" + resource
                            + "] is configured in more than one group (again in [" + name + "])");
                }
            }
            groups.put(name, group);
        });
        return Collections.unmodifiableMap(groups);
    }
}
