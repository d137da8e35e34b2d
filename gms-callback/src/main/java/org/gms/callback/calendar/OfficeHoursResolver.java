package org.gms.callback.calendar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.gms.callback.calendar.OfficeHoursSettings.Alternative;
import org.gms.callback.calendar.OfficeHoursSettings.ServiceReference;
import org.gms.callback.calendar.WeeklyOfficeHours.AlternativeCalendar;
import org.gms.core.config.NamedSection;

/**
 * Builds the calendar of an office-hours section together with the services it names.
 * <ul>
 * <li>{@code _include_regular<n>}: the regular weekly hours of that service, and those it includes in turn, are added
 * to this one's, each read in the time zone of the service that writes them ({@code 9:00} of a Paris service is 9:00
 * in Paris), since a service's {@code _timezone} is the zone all its hours are written in. Its holidays, added hours,
 * effective dates and alternatives are not taken; this service's holidays and effective dates apply to them.</li>
 * <li>{@code _use_alternative<n>} with {@code _effective_dates<n>}: within those dates (local days of this service)
 * the whole calendar of that service answers, as it would answer itself; outside them this one's calendar does.</li>
 * </ul>
 * A named section is taken as written ({@code _redirect} is not followed) and must be an office-hours service. A
 * name that is not, names that lead back to a service already on the way, or more than {@link #MAX_DEPTH} levels of
 * names are errors naming the option. Includes and alternatives are followed apart: weekly hours lead only to
 * includes, so an alternative may include the weekly hours of the service that uses it.
 */
public final class OfficeHoursResolver {

    /** The {@code _service} of an office-hours section. */
    public static final String OFFICE_HOURS = "office-hours";
    /** Levels of named services below the one asked for, for includes and for alternatives each. */
    public static final int MAX_DEPTH = 8;

    private final Function<String, Optional<NamedSection>> services;
    private final Map<String, Built<List<RegularHours>>> regularHours = new HashMap<>();
    private final Map<String, Built<OfficeHours>> calendars = new HashMap<>();

    private OfficeHoursResolver(Function<String, Optional<NamedSection>> services) {
        this.services = services;
    }

    /**
     * The calendar of {@code section}; {@code services} finds a {@code [service.<name>]} section by name.
     *
     * @throws IllegalArgumentException when this section or one it names is misconfigured, the message naming the
     *                                  section and option
     */
    public static OfficeHours resolve(NamedSection section, Function<String, Optional<NamedSection>> services) {
        OfficeHoursSettings settings = OfficeHoursSettings.from(section.section(), section.options());
        return new OfficeHoursResolver(services).calendar(section, settings, List.of()).value();
    }

    /** A result and the levels of named services below it, kept so a service named twice is built once. */
    private record Built<T>(T value, int depth) {
    }

    /** How a named service is built, given the names on the way to it. */
    private interface Builder<T> {
        Built<T> build(NamedSection section, OfficeHoursSettings settings, List<String> path);
    }

    private Built<OfficeHours> calendar(NamedSection section, OfficeHoursSettings settings, List<String> path) {
        List<String> here = append(path, section.name());
        Built<List<RegularHours>> regular = regular(section, settings, List.of());
        List<AlternativeCalendar> alternatives = new ArrayList<>();
        int depth = 0;
        for (Alternative alternative : settings.alternatives()) {
            Built<OfficeHours> other = named(section, alternative.service(), here, calendars, this::calendar);
            alternatives.add(new AlternativeCalendar(alternative.dates(), other.value()));
            depth = Math.max(depth, other.depth() + 1);
        }
        return new Built<>(new WeeklyOfficeHours(settings, regular.value(), alternatives), depth);
    }

    private Built<List<RegularHours>> regular(NamedSection section, OfficeHoursSettings settings,
                                              List<String> path) {
        List<String> here = append(path, section.name());
        // a service included along two ways is added once
        Set<RegularHours> all = new LinkedHashSet<>();
        if (!settings.regular().isEmpty()) {
            all.add(new RegularHours(settings.zone(), settings.regular()));
        }
        int depth = 0;
        for (ServiceReference include : settings.includes()) {
            Built<List<RegularHours>> other = named(section, include, here, regularHours, this::regular);
            all.addAll(other.value());
            depth = Math.max(depth, other.depth() + 1);
        }
        return new Built<>(List.copyOf(all), depth);
    }

    private <T> Built<T> named(NamedSection from, ServiceReference reference, List<String> path,
                               Map<String, Built<T>> built, Builder<T> builder) {
        String name = reference.service();
        if (path.contains(name)) {
            throw wrong(from, reference, "services name each other in a loop: " + String.join(" -> ", path) + " -> "
                    + name);
        }
        if (path.size() > MAX_DEPTH) {
            throw tooDeep(from, reference, path);
        }
        Built<T> done = built.get(name);
        if (done == null) {
            NamedSection section = services.apply(name)
                    .orElseThrow(() -> wrong(from, reference, "service [" + name + "] is not configured"));
            if (!section.builtin().equals(OFFICE_HOURS)) {
                throw wrong(from, reference, "service [" + name + "] is not an office-hours service (_service = "
                        + section.builtin() + ")");
            }
            OfficeHoursSettings settings = OfficeHoursSettings.from(section.section(), section.options());
            done = builder.build(section, settings, path);
            built.put(name, done);
        }
        if (path.size() + done.depth() > MAX_DEPTH) {
            throw tooDeep(from, reference, path);
        }
        return done;
    }

    private static IllegalArgumentException tooDeep(NamedSection from, ServiceReference reference,
                                                    List<String> path) {
        return wrong(from, reference, "more than " + MAX_DEPTH + " levels of services named one by the other from "
                + path.get(0));
    }

    private static IllegalArgumentException wrong(NamedSection from, ServiceReference reference, String reason) {
        return new IllegalArgumentException("Wrong value [" + reference.service() + "] for option [" + from.section()
                + "] " + reference.option() + ": " + reason);
    }

    private static List<String> append(List<String> path, String name) {
        List<String> longer = new ArrayList<>(path);
        longer.add(name);
        return List.copyOf(longer);
    }
}
