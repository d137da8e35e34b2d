package org.gms.callback.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.gms.callback.availability.Availability;
import org.gms.callback.availability.AvailabilityQuery;
import org.gms.callback.availability.AvailabilitySettings;
import org.gms.callback.availability.Bookings;
import org.gms.callback.availability.CalendarServices;
import org.gms.callback.availability.Slot;
import org.gms.callback.calendar.OfficeHours;
import org.gms.callback.capacity.CapacityCalendar;
import org.gms.callback.config.CallbackSettings;
import org.gms.callback.config.ServiceOptions;
import org.gms.core.config.NamedSection;
import org.gms.core.error.ServiceConfigurationException;
import org.gms.storage.callback.CallbackRepository;

/**
 * The time slots of a callback service: its office hours and capacity services and its bucket options, with the
 * places taken read from the capacity seats.
 */
public final class SlotBook {

    /** Free slots offered beside a refused desired time. */
    static final int NEARBY = 5;

    private final CallbackRepository repository;
    private final Clock clock;
    private final Supplier<CallbackSettings> settings;
    /** Calendars built for one configuration snapshot, by service and the calendars it names. */
    private volatile Calendars calendars = new Calendars(null);

    SlotBook(CallbackRepository repository, Clock clock, Supplier<CallbackSettings> settings) {
        this.repository = repository;
        this.clock = clock;
        this.settings = settings;
    }

    /** The calendars of one configuration: rebuilt when it changes, at most a few hundred entries. */
    private record Calendars(CallbackSettings settings, Map<String, Object> built) {

        Calendars(CallbackSettings settings) {
            this(settings, new ConcurrentHashMap<>());
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Supplier<T> build) {
        CallbackSettings current = settings.get();
        Calendars cache = calendars;
        if (cache.settings() != current) {
            cache = new Calendars(current);
            calendars = cache;
        }
        if (cache.built().size() > 1000) {
            cache.built().clear();
        }
        Object value = cache.built().get(key);
        if (value == null) {
            value = build.get();
            cache.built().put(key, value);
        }
        return (T) value;
    }

    private Optional<NamedSection> section(String name) {
        return settings.get().service(name);
    }

    /** The office hours of the service, empty when it names none. */
    public Optional<OfficeHours> officeHours(ServiceOptions options) {
        String name = options.businessHoursService();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(cached("hours|" + name, () -> CalendarServices.officeHours(
                named(options, name, "_business_hours_service"), this::section)));
    }

    private Optional<CapacityCalendar> capacity(ServiceOptions options) {
        String name = options.capacityService();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(cached("capacity|" + name, () -> CalendarServices.capacity(
                named(options, name, "_capacity_service"))));
    }

    private NamedSection named(ServiceOptions options, String name, String option) {
        return section(name).orElseThrow(() -> new ServiceConfigurationException("Service [" + name
                + "] named by option " + option + " of service [" + options.name() + "] is not configured"));
    }

    public Availability availability(ServiceOptions options) {
        return cached("availability|" + options.name() + "|" + options.businessHoursService() + "|"
                + options.capacityService(), () -> {
                    Availability.Builder builder = Availability.builder(clock)
                            .settings(AvailabilitySettings.from(options.section().section(), options.sectionOptions()));
                    officeHours(options).ifPresent(builder::officeHours);
                    capacity(options).ifPresent(builder::capacity);
                    return builder.build();
                });
    }

    Instant latest(ServiceOptions options, Instant now) {
        return availability(options).latestDesiredTime();
    }

    /**
     * The open slot that holds a desired time, with its capacity (its places taken are not read: taking a seat tells
     * whether one is left); empty when the office is closed then.
     */
    Optional<Slot> slotOf(ServiceOptions options, Instant desired) {
        return availability(options).slotOf(desired, Bookings.NONE);
    }

    /** Free slots near a refused desired time: slot start to free places, for the error body. */
    Map<String, Integer> nearby(ServiceOptions options, Instant desired) {
        try {
            Availability availability = availability(options);
            List<Slot> candidates = availability.nearby(desired, NEARBY * 4, Bookings.NONE);
            Bookings bookings = booked(options, candidates.stream().map(Slot::start).toList());
            Map<String, Integer> free = new LinkedHashMap<>();
            for (Slot slot : availability.nearby(desired, NEARBY, bookings)) {
                free.put(Times.format(slot.start()), slot.free());
            }
            return free;
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** The open slots of a window with their places taken, the full ones too when asked. */
    public List<Slot> slots(ServiceOptions options, Instant from, Instant to, boolean includeFull, int max) {
        Availability availability = availability(options);
        List<Slot> all = availability.slots(from, to, Bookings.NONE, true, max * 4 + 16);
        Bookings bookings = booked(options, all.stream().map(Slot::start).toList());
        return availability.slots(from, to, bookings, includeFull, max);
    }

    /**
     * Every bucket of a window, open or closed, with its capacity and the places taken in it, read for the open ones
     * only (a closed bucket takes no seat): {@code GET /genesys/1/admin/callback/capacity}.
     */
    public List<Availability.Bucket> buckets(ServiceOptions options, Instant from, Instant to) {
        List<Availability.Bucket> grid = availability(options).buckets(from, to);
        Bookings bookings = booked(options, grid.stream().filter(Availability.Bucket::open)
                .map(bucket -> bucket.slot().start()).toList());
        return grid.stream().map(bucket -> bucket.booked(bookings)).toList();
    }

    /** {@code GET /genesys/1/service/callback/<service>/availability}. */
    public Map<String, Object> v1(ServiceOptions options, Map<String, String> query) {
        return answer(options, AvailabilityQuery.v1(availability(options), query));
    }

    /** {@code GET /genesys/2/service/callback/<service>/availability}. */
    public Map<String, Object> v2(ServiceOptions options, Map<String, String> query) {
        return answer(options, AvailabilityQuery.v2(availability(options), query));
    }

    /**
     * Answers with the places taken read in batches for the slots the answer starts from, and one by one for the
     * few more it reaches when full slots are skipped.
     */
    private Map<String, Object> answer(ServiceOptions options, AvailabilityQuery query) {
        List<Instant> starts = query.slots(Bookings.NONE).stream().map(Slot::start).toList();
        Map<Instant, Integer> used = new HashMap<>(repository.used(options.name(), starts));
        starts.forEach(start -> used.putIfAbsent(start, 0));
        Bookings bookings = (from, to) -> used.computeIfAbsent(from, start ->
                repository.used(options.name(), List.of(start)).getOrDefault(start, 0));
        return query.answer(bookings);
    }

    /** Bookings of the given slot starts, read from the seats in a few queries. */
    private Bookings booked(ServiceOptions options, List<Instant> starts) {
        Map<Instant, Integer> used = repository.used(options.name(), starts);
        List<Instant> desired = new ArrayList<>();
        used.forEach((start, count) -> {
            for (int i = 0; i < count; i++) {
                desired.add(start);
            }
        });
        return Bookings.of(desired);
    }
}
