package org.gms.callback.calendar;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Day names of the calendar grammar: {@code Mon}, {@code Mon-Fri}, {@code Sat-Mon} (wraps), {@code Mon,Wed}. */
final class DaySet {

    private DaySet() {
    }

    static Set<DayOfWeek> parse(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split(",")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int dash = trimmed.indexOf('-');
            if (dash < 0) {
                days.add(day(trimmed));
                continue;
            }
            DayOfWeek first = day(trimmed.substring(0, dash));
            DayOfWeek last = day(trimmed.substring(dash + 1));
            for (DayOfWeek day = first; ; day = day.plus(1)) {
                days.add(day);
                if (day == last) {
                    break;
                }
            }
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no day in [" + text + "]");
        }
        return days;
    }

    static DayOfWeek day(String name) {
        String key = name.trim().toUpperCase(Locale.ROOT);
        if (key.length() >= 3) {
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day.name().startsWith(key.substring(0, 3))) {
                    return day;
                }
            }
        }
        throw new IllegalArgumentException("unknown day [" + name.trim() + "]");
    }
}
