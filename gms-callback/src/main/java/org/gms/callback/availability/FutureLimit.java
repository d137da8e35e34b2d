package org.gms.callback.availability;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far ahead a desired time may be ({@code _reject_future_desired_time}): {@code <int><y|M|w|d|h|m>}, such as
 * {@code 1M} (one month, the default), {@code 2w} or {@code 36h}. {@code M} is months and {@code m} minutes; the other
 * letters may be upper case. Years, months, weeks and days are calendar steps in the service's time zone, so one
 * month from 31 January ends on the last day of February.
 *
 * @param amount how many units, at least 1
 * @param unit   one of years, months, weeks, days, hours, minutes
 */
public record FutureLimit(long amount, ChronoUnit unit) {

    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,9})([yYMwWdDhHm])");
    private static final Map<ChronoUnit, String> LETTERS = Map.of(ChronoUnit.YEARS, "y", ChronoUnit.MONTHS, "M",
            ChronoUnit.WEEKS, "w", ChronoUnit.DAYS, "d", ChronoUnit.HOURS, "h", ChronoUnit.MINUTES, "m");

    /** One month; declared after the letters, which the constructor reads. */
    public static final FutureLimit DEFAULT = new FutureLimit(1, ChronoUnit.MONTHS);

    public FutureLimit {
        if (amount < 1) {
            throw new IllegalArgumentException("A future limit must be at least one unit: " + amount);
        }
        if (!LETTERS.containsKey(unit)) {
            throw new IllegalArgumentException("A future limit counts years, months, weeks, days, hours or minutes: "
                    + unit);
        }
    }

    /** The limit written as {@code <int><y|M|w|d|h|m>}; empty when the text is not of that form or counts zero. */
    public static Optional<FutureLimit> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = SYNTAX.matcher(text.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        if (amount < 1) {
            return Optional.empty();
        }
        return Optional.of(new FutureLimit(amount, unit(matcher.group(2))));
    }

    /** {@link #parse}, or {@link #DEFAULT} when the text is empty or invalid (GMS falls back to the default). */
    public static FutureLimit parseOrDefault(String text) {
        return parse(text).orElse(DEFAULT);
    }

    /**
     * The latest desired time accepted at {@code now}. A limit that runs past the last supported date (such as
     * {@code 999999999y}) means no limit.
     */
    public Instant latest(Instant now, ZoneId zone) {
        try {
            return now.atZone(zone).plus(amount, unit).toInstant();
        } catch (DateTimeException | ArithmeticException e) {
            return Instant.MAX;
        }
    }

    @Override
    public String toString() {
        return amount + LETTERS.get(unit);
    }

    private static ChronoUnit unit(String letter) {
        return switch (letter) {
            case "y", "Y" -> ChronoUnit.YEARS;
            case "M" -> ChronoUnit.MONTHS;
            case "w", "W" -> ChronoUnit.WEEKS;
            case "d", "D" -> ChronoUnit.DAYS;
            case "h", "H" -> ChronoUnit.HOURS;
            default -> ChronoUnit.MINUTES;
        };
    }
}
