package org.gms.server.service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.gms.core.error.BadRequestException;
import org.gms.core.error.ForbiddenException;
import org.gms.core.error.NotFoundException;
import org.gms.storage.resource.AllocationRequest;
import org.gms.storage.resource.AllocationStrategy;
import org.gms.storage.resource.Booking;
import org.gms.storage.service.ServiceInstance;
import org.gms.storage.service.ServiceInstanceRepository;

/** request-interaction, request-access and the instance operations (query, delete). */
final class InteractionServices {

    static final String DEFAULT_GROUP = "DNIS";
    static final int DEFAULT_TTL = 30;
    static final int DEFAULT_CODE_LENGTH = 6;

    private final Supplier<ServiceSettings> settings;
    private final ServiceRepositories storage;
    private final AccessResources resources;
    private final Clock clock;

    /** Instances stored by other features under service ids (callbacks). */
    private final Function<String, Optional<ServiceInstance>> others;

    InteractionServices(Supplier<ServiceSettings> settings, ServiceRepositories storage, AccessResources resources,
                        Clock clock, Function<String, Optional<ServiceInstance>> others) {
        this.settings = settings;
        this.storage = storage;
        this.resources = resources;
        this.clock = clock;
        this.others = others;
    }

    Map<String, Object> requestInteraction(ServiceCall call) {
        int ttl = call.integer("_ttl", DEFAULT_TTL, 1, 31_536_000);
        String group = call.text("_resource_group", DEFAULT_GROUP);
        String user = userOf(call);
        ServiceInstanceRepository.checkSize(call.parameters());
        String id = newId();
        Booking booking = resources.allocate(group, allocation(call, id, user));
        ServiceInstance instance;
        try {
            instance = storage.instances().create(id, call.service(), call.parameters(),
                    Map.of(booking.key(), resourceValue(booking)), user, Duration.ofSeconds(ttl));
        } catch (RuntimeException e) {
            release(booking.accessNumber(), booking.accessCode(), id, booking.strategy());
            throw e;
        }
        return access(instance, booking);
    }

    Map<String, Object> requestAccess(ServiceCall call) {
        ServiceInstance instance = instance(call.required("_id"), call.gmsUser());
        String group = call.text("_resource_group", DEFAULT_GROUP);
        Booking booking = resources.allocate(group, allocation(call, instance.id(), instance.gmsUser()));
        try {
            storage.instances().addResource(instance, booking.key(), resourceValue(booking));
        } catch (RuntimeException e) {
            release(booking.accessNumber(), booking.accessCode(), instance.id(), booking.strategy());
            throw e;
        }
        return access(instance, booking);
    }

    Map<String, Object> describe(String id, String gmsUser) {
        ServiceInstance instance = instance(id, gmsUser);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("_id", instance.id());
        body.put("_service", instance.service());
        body.put("_expiration_time", seconds(storage.instances().remaining(instance)));
        // a request parameter never replaces what the server says of the instance
        instance.parameters().forEach(body::putIfAbsent);
        List<Map<String, String>> held = new ArrayList<>();
        instance.resources().forEach((key, value) -> {
            String[] numberAndCode = key.split(" ", 2);
            Map<String, String> resource = new LinkedHashMap<>();
            resource.put("_access_number", numberAndCode[0]);
            if (numberAndCode.length > 1 && !numberAndCode[1].isEmpty()) {
                resource.put("_access_code", numberAndCode[1]);
            }
            resource.put("_resource_group", value.split(" ", 2)[0]);
            held.add(resource);
        });
        body.put("_access_resources", held);
        return body;
    }

    /** Deletes the instance and gives back every resource it holds. */
    void delete(String id, String gmsUser) {
        ServiceInstance instance = instance(id, gmsUser);
        instance.resources().forEach((key, value) -> {
            String[] numberAndCode = key.split(" ", 2);
            String[] groupAndStrategy = value.split(" ", 2);
            release(numberAndCode[0], numberAndCode.length > 1 ? numberAndCode[1] : "", instance.id(),
                    strategy(groupAndStrategy.length > 1 ? groupAndStrategy[1] : ""));
        });
        storage.instances().delete(instance.id());
    }

    ServiceInstance instance(String id, String gmsUser) {
        ServiceInstance instance = storage.instances().find(id).or(() -> others.apply(id))
                .orElseThrow(() -> new NotFoundException("Service [" + id + "] not found"));
        if (userControl() && !instance.gmsUser().isEmpty() && !instance.gmsUser().equals(gmsUser)) {
            throw new ForbiddenException("Service [" + id + "] belongs to another gms_user");
        }
        return instance;
    }

    private AllocationRequest allocation(ServiceCall call, String id, String user) {
        boolean code = call.flag("_provide_code");
        int length = call.integer("_access_code_length", DEFAULT_CODE_LENGTH, 1, 18);
        List<String> prefixes = prefixes();
        if (code) {
            // fails now, before anything is stored, when even one prefix leaves no random digit
            String longest = prefixes.stream().max(Comparator.comparingInt(String::length)).orElseThrow();
            AccessCodes.code(longest, length);
        }
        return new AllocationRequest(id, call.text("_phone_number", ""), user,
                code ? () -> AccessCodes.code(AccessCodes.pick(prefixes), length) : null);
    }

    private Map<String, Object> access(ServiceInstance instance, Booking booking) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("_id", instance.id());
        body.put("_access_number", booking.accessNumber());
        if (!booking.accessCode().isEmpty()) {
            body.put("_access_code", booking.accessCode());
        }
        Duration bookingLeft = Duration.between(clock.instant(), booking.expiresAt());
        Duration instanceLeft = storage.instances().remaining(instance);
        body.put("_expiration_time", seconds(bookingLeft.compareTo(instanceLeft) < 0 ? bookingLeft : instanceLeft));
        return body;
    }

    void release(String number, String code, String serviceId, AllocationStrategy strategy) {
        storage.resources().release(number, code, serviceId, strategy);
    }

    private String userOf(ServiceCall call) {
        if (userControl() && call.gmsUser().isEmpty()) {
            throw new BadRequestException("Header gms_user is mandatory when [resources] user_control is true");
        }
        return call.gmsUser();
    }

    boolean userControl() {
        return settings.get().userControl();
    }

    /** A new service id with one of this node's prefixes. */
    String newId() {
        return ServiceInstanceRepository.newId(AccessCodes.pick(prefixes()));
    }

    private List<String> prefixes() {
        ServiceSettings current = settings.get();
        return AccessCodes.prefixes(current.accessCodePrefix(), current.nodeId());
    }

    private static String resourceValue(Booking booking) {
        return booking.group() + " " + booking.strategy().name();
    }

    private static AllocationStrategy strategy(String name) {
        try {
            return AllocationStrategy.valueOf(name);
        } catch (IllegalArgumentException e) {
            return AllocationStrategy.CLUSTER;
        }
    }

    private static String seconds(Duration remaining) {
        return Long.toString(Math.max(0, remaining.toSeconds()));
    }
}
