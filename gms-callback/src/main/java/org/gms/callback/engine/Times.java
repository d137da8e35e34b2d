package org.gms.callback.engine;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.gms.core.error.BadRequestException;

/** Times on the callback wire: ISO-8601, written in UTC with milliseconds. */
public final class Times {

    public static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String format(Instant instant) {
        return WIRE.format(instant);
    }

    /** An ISO-8601 instant with an offset or {@code Z} (a time without one is read as UTC). */
    public static Instant parse(String name, String text) {
        String value = text.trim();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw new BadRequestException("Wrong value [" + value + "] for parameter [" + name
                        + "]: use an ISO-8601 time such as 2026-12-24T09:30:00.000Z");
            }
        }
    }
}
