package org.gms.callback.calendar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gms.callback.availability.CalendarServices;
import org.gms.core.config.NamedSection;

/** The {@code [service.<name>]} sections of one test, found by name as the server finds them. */
final class ServiceSections {

    private final Map<String, NamedSection> sections = new HashMap<>();

    /** An office-hours section with {@code keyValues} as its options. */
    ServiceSections officeHours(String name, String... keyValues) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("_type", "builtin");
        options.put("_service", OfficeHoursResolver.OFFICE_HOURS);
        return section(name, options, keyValues);
    }

    /** Any section, such as a capacity service. */
    ServiceSections section(String name, Map<String, String> base, String... keyValues) {
        Map<String, String> options = new LinkedHashMap<>(base);
        for (int index = 0; index < keyValues.length; index += 2) {
            options.put(keyValues[index], keyValues[index + 1]);
        }
        sections.put(name, NamedSection.service(name, options));
        return this;
    }

    OfficeHours calendar(String name) {
        return CalendarServices.officeHours(sections.get(name), found -> Optional.ofNullable(sections.get(found)));
    }

    /** The open periods of {@code days} local days from {@code firstDay}, each as {@code start/end} in UTC. */
    List<String> periods(String name, String firstDay, int days) {
        return periods(calendar(name), firstDay, days);
    }

    static List<String> periods(OfficeHours hours, String firstDay, int days) {
        return hours.openPeriods(LocalDate.parse(firstDay), days).stream()
                .map(period -> period.start() + "/" + period.end()).toList();
    }
}
