package org.gms.callback.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;

/** A date of the calendar grammar: {@code YYYY-MM-dd} once, or {@code MM-dd} every year. */
public record DateSpec(LocalDate date, MonthDay everyYear) {

    public static DateSpec parse(String text) {
        String trimmed = text.trim();
        try {
            if (trimmed.length() == 5) {
                return new DateSpec(null, MonthDay.parse("--" + trimmed));
            }
            return new DateSpec(LocalDate.parse(trimmed), null);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid date [" + trimmed + "], use YYYY-MM-dd or MM-dd");
        }
    }

    public boolean matches(LocalDate day) {
        return date != null ? date.equals(day) : everyYear.equals(MonthDay.from(day));
    }
}
