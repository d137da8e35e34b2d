package org.gms.callback.availability;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gms.callback.calendar.OfficeHours;
import org.gms.callback.calendar.OfficeHoursSettings;
import org.gms.callback.calendar.WeeklyOfficeHours;
import org.gms.callback.capacity.CapacityCalendar;
import org.gms.callback.capacity.CapacitySettings;
import org.gms.callback.capacity.HourlyCapacityCalendar;

/** Office-hours and capacity calendars from option pairs, as a service section would give them. */
final class Calendars {

    private Calendars() {
    }

    static OfficeHours officeHours(String... keyValues) {
        return new WeeklyOfficeHours(OfficeHoursSettings.from("service.hours", options(keyValues)));
    }

    static CapacityCalendar capacity(String... keyValues) {
        return new HourlyCapacityCalendar(CapacitySettings.from("service.capacity", options(keyValues)));
    }

    private static Map<String, String> options(String... keyValues) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int index = 0; index < keyValues.length; index += 2) {
            options.put(keyValues[index], keyValues[index + 1]);
        }
        return options;
    }
}
