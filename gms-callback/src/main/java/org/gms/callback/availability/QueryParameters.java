package org.gms.callback.availability;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.gms.core.error.BadRequestException;

/** Typed reading of query parameters; a value that does not parse is a 400 naming the parameter. */
final class QueryParameters {

    private final Map<String, String> query;

    QueryParameters(Map<String, String> query) {
        this.query = query;
    }

    /** The trimmed value; empty when absent or blank. */
    Optional<String> text(String name) {
        String value = query.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    boolean has(String name) {
        return text(name).isPresent();
    }

    /** An ISO-8601 time; one without an offset is UTC. */
    Optional<Instant> instant(String name) {
        return text(name).map(text -> {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException withoutOffset) {
                try {
                    return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    throw new BadRequestException("Parameter [" + name + "] " + text
                            + " is not an ISO-8601 UTC time such as 2026-06-08T09:15:00.000Z");
                }
            }
        });
    }

    /** Milliseconds since 1970-01-01T00:00:00Z. */
    Optional<Instant> epochMillis(String name) {
        return text(name).map(text -> {
            try {
                return Instant.ofEpochMilli(Long.parseLong(text));
            } catch (NumberFormatException e) {
                throw new BadRequestException("Parameter [" + name + "] " + text
                        + " is not a time in milliseconds since 1970-01-01T00:00:00Z");
            }
        });
    }

    /** The time of the first parameter or of the second, in milliseconds; giving both is a 400. */
    Optional<Instant> instantOrMillis(String isoName, String millisName) {
        if (has(isoName) && has(millisName)) {
            throw new BadRequestException("Parameters [" + isoName + "] and [" + millisName
                    + "] say the same thing: give one of them");
        }
        return instant(isoName).or(() -> epochMillis(millisName));
    }

    /** An integer from {@code min} to {@code max}. */
    Optional<Integer> integer(String name, int min, int max, String meaning) {
        return text(name).map(text -> {
            try {
                int value = Integer.parseInt(text);
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // the message below says what is expected
            }
            throw new BadRequestException("Parameter [" + name + "] " + text + " is not " + meaning);
        });
    }

    Optional<Boolean> bool(String name) {
        return text(name).map(text -> {
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
            throw new BadRequestException("Parameter [" + name + "] " + text + " is not true or false");
        });
    }

    Optional<ZoneId> zone(String name) {
        return text(name).map(text -> {
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                throw new BadRequestException("Parameter [" + name + "] " + text
                        + " is not a time zone id such as Europe/Paris");
            }
        });
    }

    /** The parameters given among {@code names}, for a message about their values. */
    String given(String... names) {
        StringBuilder given = new StringBuilder();
        for (String name : names) {
            text(name).ifPresent(value -> given.append(given.length() == 0 ? "" : " ").append('[').append(name)
                    .append("] ").append(value));
        }
        return given.toString();
    }
}
