package org.gms.callback.calendar;

/**
 * Hours of one day as minutes since local midnight, such as {@code 9:00-17:00}; {@code 24:00} is allowed as the end,
 * and an end before the start ({@code 19:00-7:00}) runs into the next day.
 */
public record HoursRange(int startMinute, int endMinute) {

    static final int DAY = 24 * 60;

    public static HoursRange parse(String text) {
        String[] bounds = text.trim().split("-");
        if (bounds.length != 2) {
            throw new IllegalArgumentException("hours must read HH:mm-HH:mm, not [" + text.trim() + "]");
        }
        int start = minute(bounds[0]);
        int end = minute(bounds[1]);
        if (start == DAY) {
            throw new IllegalArgumentException("hours cannot start at 24:00 in [" + text.trim() + "]");
        }
        return new HoursRange(start, end);
    }

    /** Minutes after the local midnight of the day it starts on; past {@link #DAY} when it wraps. */
    int endAfterStartDayMidnight() {
        if (endMinute > startMinute) {
            return endMinute;
        }
        return DAY + endMinute;
    }

    private static int minute(String text) {
        String[] parts = text.trim().split(":");
        try {
            int hour = Integer.parseInt(parts[0].trim());
            int minute = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 0;
            if (parts.length > 2 || hour < 0 || minute < 0 || minute > 59 || hour > 24 || hour == 24 && minute > 0) {
                throw new NumberFormatException();
            }
            return hour * 60 + minute;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid time [" + text.trim() + "]");
        }
    }
}
