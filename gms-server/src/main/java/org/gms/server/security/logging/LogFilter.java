package org.gms.server.security.logging;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One filter of {@code [log-filter]} / {@code [log-filter-data]}: how a value is written to a log. {@link #apply}
 * answers the text to log, {@link #SUPPRESSED} for {@code hide}, or empty for {@code skip}. An unknown filter hides
 * the value: a typo must not leak what the operator meant to protect.
 */
public record LogFilter(Kind kind, int count, String prefix, String suffix) {

    public static final String SUPPRESSED = "[output suppressed]";
    public static final LogFilter COPY = new LogFilter(Kind.COPY, 0, "", "");
    public static final LogFilter HIDE = new LogFilter(Kind.HIDE, 0, "", "");
    private static final Pattern COUNTED = Pattern.compile("(hide-first|hide-last|unhide-first|unhide-last)\\s*,\\s*(\\d+)");
    private static final Pattern TAG = Pattern.compile("tag\\((.*?)\\)(\\(\\*\\))?");

    public enum Kind { COPY, HIDE, HIDE_FIRST, HIDE_LAST, UNHIDE_FIRST, UNHIDE_LAST, SKIP, TAG }

    public static Optional<LogFilter> parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        switch (value) {
            case "", "copy" -> {
                return Optional.of(COPY);
            }
            case "hide" -> {
                return Optional.of(HIDE);
            }
            case "skip" -> {
                return Optional.of(new LogFilter(Kind.SKIP, 0, "", ""));
            }
            default -> {
                Matcher counted = COUNTED.matcher(value);
                if (counted.matches()) {
                    Kind kind = Kind.valueOf(counted.group(1).toUpperCase(Locale.ROOT).replace('-', '_'));
                    return Optional.of(new LogFilter(kind, Integer.parseInt(counted.group(2)), "", ""));
                }
                Matcher tag = TAG.matcher(text.strip());
                if (tag.matches()) {
                    return Optional.of(tag(tag.group(1)));
                }
                return Optional.empty();
            }
        }
    }

    private static LogFilter tag(String markers) {
        String inside = markers.strip();
        int comma = inside.indexOf(',');
        if (inside.isEmpty() || inside.equals("*") || comma < 0 || inside.equals(",")) {
            return new LogFilter(Kind.TAG, 0, "<#", "#>");
        }
        return new LogFilter(Kind.TAG, 0, inside.substring(0, comma), inside.substring(comma + 1));
    }

    /** The text to log, or empty when the pair is left out. */
    public Optional<String> apply(String value) {
        int length = value.length();
        return switch (kind) {
            case COPY -> Optional.of(value);
            case HIDE -> Optional.of(SUPPRESSED);
            case SKIP -> Optional.empty();
            case TAG -> Optional.of(prefix + value + suffix);
            case HIDE_FIRST -> Optional.of(stars(Math.min(count, length)) + value.substring(Math.min(count, length)));
            case HIDE_LAST -> Optional.of(value.substring(0, length - Math.min(count, length))
                    + stars(Math.min(count, length)));
            case UNHIDE_FIRST -> Optional.of(count >= length ? value : value.substring(0, count) + stars(length - count));
            case UNHIDE_LAST -> Optional.of(count >= length ? value : stars(length - count) + value.substring(length - count));
        };
    }

    private static String stars(int count) {
        return "*".repeat(count);
    }
}
