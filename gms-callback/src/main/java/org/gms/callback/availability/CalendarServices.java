package org.gms.callback.availability;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gms.callback.calendar.OfficeHours;
import org.gms.callback.calendar.OfficeHoursResolver;
import org.gms.callback.calendar.OpenPeriod;
import org.gms.callback.capacity.CapacityCalendar;
import org.gms.callback.capacity.CapacityPeriod;
import org.gms.callback.capacity.CapacitySettings;
import org.gms.callback.capacity.HourlyCapacityCalendar;
import org.gms.core.config.NamedSection;
import org.gms.core.error.BadRequestException;
import org.gms.core.error.ServiceConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The office-hours and capacity services: {@code GET /genesys/1/service/<name>?...} (and POST), answered from the
 * section's {@code _bh_*} and {@code _capacity*} options.
 */
public final class CalendarServices {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarServices.class);
    static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    static final int MAX_DAYS = 366;
    /** Capacity periods in one answer at most: a year of 5-minute buckets would be about 75 MB of JSON in memory. */
    static final int MAX_PERIODS = 10_000;

    private static final Function<String, Optional<NamedSection>> NO_SERVICES = name -> Optional.empty();

    private final Clock clock;

    public CalendarServices(Clock clock) {
        this.clock = clock;
    }

    /** The calendar of an office-hours section that names no other service: no service is found by name. */
    public static OfficeHours officeHours(NamedSection section) {
        return officeHours(section, NO_SERVICES);
    }

    /**
     * The calendar of an office-hours section with the services its {@code _include_regular<n>} and
     * {@code _use_alternative<n>} name, found by {@code services}.
     */
    public static OfficeHours officeHours(NamedSection section, Function<String, Optional<NamedSection>> services) {
        try {
            return OfficeHoursResolver.resolve(section, services);
        } catch (IllegalArgumentException e) {
            throw new ServiceConfigurationException(e.getMessage(), e);
        }
    }

    public static CapacityCalendar capacity(NamedSection section) {
        try {
            return new HourlyCapacityCalendar(CapacitySettings.from(section.section(),
                    section.options()));
        } catch (IllegalArgumentException e) {
            throw new ServiceConfigurationException(e.getMessage(), e);
        }
    }

    /**
     * {@code start} (default now) and {@code number-of-days} (1..366, else 1) or {@code end} (default start, at most
     * 366 days after it).
     */
    public Map<String, Object> openPeriods(NamedSection section, Map<String, String> query) {
        return openPeriods(section, NO_SERVICES, query);
    }

    /** As {@link #openPeriods(NamedSection, Map)}, with {@code services} to find the services the section names. */
    public Map<String, Object> openPeriods(NamedSection section, Function<String, Optional<NamedSection>> services,
                                           Map<String, String> query) {
        try {
            return computeOpenPeriods(section, services, query);
        } catch (DateTimeException | ArithmeticException e) {
            throw outOfRange(query, e);
        }
    }

    private Map<String, Object> computeOpenPeriods(NamedSection section,
                                                   Function<String, Optional<NamedSection>> services,
                                                   Map<String, String> query) {
        OfficeHours hours = officeHours(section, services);
        String startText = query.getOrDefault("start", "").trim();
        Instant start = startText.isEmpty() ? clock.instant() : instant("start", startText, hours.zone());
        String days = firstNonEmpty(query.get("number-of-days"), query.get("nDays"));
        List<OpenPeriod> periods;
        if (!days.isEmpty()) {
            periods = hours.openPeriods(start.atZone(hours.zone()).toLocalDate(), days(section.name(), days));
        } else {
            String endText = query.getOrDefault("end", "").trim();
            Instant end = endText.isEmpty() ? start : instant("end", endText, hours.zone());
            if (end.isBefore(start)) {
                throw new BadRequestException("Parameter [end] " + endText + " is before [start] " + startText);
            }
            requireAtMostMaxDays(start, end, startText, endText);
            periods = hours.openPeriods(start, end);
        }
        List<Map<String, String>> rendered = new ArrayList<>();
        for (OpenPeriod period : periods) {
            Map<String, String> item = new LinkedHashMap<>();
            item.put("start", WIRE_TIME.format(period.start()));
            item.put("end", WIRE_TIME.format(period.end()));
            rendered.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", null);
        body.put("periods", rendered);
        return body;
    }

    /**
     * {@code start} and {@code end} (required, local times in {@code timezone} unless they carry a zone, at most 366
     * days apart).
     */
    public List<Map<String, Object>> capacityPeriods(NamedSection section, Map<String, String> query) {
        try {
            return computeCapacityPeriods(section, query);
        } catch (DateTimeException | ArithmeticException e) {
            throw outOfRange(query, e);
        }
    }

    private List<Map<String, Object>> computeCapacityPeriods(NamedSection section, Map<String, String> query) {
        CapacityCalendar calendar = capacity(section);
        ZoneId zone = calendar.zone();
        String timezone = query.getOrDefault("timezone", "").trim();
        if (!timezone.isEmpty()) {
            try {
                zone = ZoneId.of(timezone);
            } catch (DateTimeException e) {
                throw new BadRequestException("Parameter [timezone] " + timezone + " is not a time zone id");
            }
        }
        String startText = required(query, "start");
        String endText = required(query, "end");
        Instant start = instant("start", startText, zone);
        Instant end = instant("end", endText, zone);
        if (!end.isAfter(start)) {
            throw new BadRequestException("Parameter [end] " + endText + " must be after [start] " + startText);
        }
        requireAtMostMaxDays(start, end, startText, endText);
        // counted before any period is built: the range may cut one bucket at each end
        long count = Duration.between(start, end).toMillis() / calendar.bucket().toMillis() + 2;
        if (count > MAX_PERIODS) {
            throw new BadRequestException("Parameters [start] " + startText + " and [end] " + endText + " hold about "
                    + count + " capacity periods, more than " + MAX_PERIODS + ": ask for a shorter range");
        }
        List<CapacityPeriod> periods = calendar.periods(start, end);
        List<Map<String, Object>> rendered = new ArrayList<>(periods.size());
        for (CapacityPeriod period : periods) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("start", WIRE_TIME.format(period.start()));
            item.put("end", WIRE_TIME.format(period.end()));
            item.put("capacity", period.capacity());
            rendered.add(item);
        }
        return rendered;
    }

    /** Every day of the range becomes periods in memory, so a range is bounded like {@code number-of-days}. */
    private static void requireAtMostMaxDays(Instant start, Instant end, String startText, String endText) {
        if (Duration.between(start, end).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            throw new BadRequestException("Parameters [start] " + startText + " and [end] " + endText
                    + " are more than " + MAX_DAYS + " days apart");
        }
    }

    /** A time near the limits of the calendar (year +/-999999999) that a time zone or a day step pushes past them. */
    private static BadRequestException outOfRange(Map<String, String> query, RuntimeException cause) {
        StringBuilder given = new StringBuilder();
        for (String name : List.of("start", "end", "number-of-days", "nDays")) {
            if (query.containsKey(name)) {
                given.append(" [").append(name).append("] ").append(query.get(name));
            }
        }
        BadRequestException error = new BadRequestException("Parameters" + given
                + " lead outside the supported dates");
        error.initCause(cause);
        return error;
    }

    private static int days(String service, String text) {
        try {
            int days = Integer.parseInt(text);
            if (days >= 1 && days <= MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // falls through to the GMS rule below
        }
        LOG.warn("Service [{}]: number of days [{}] is outside 1..{}; 1 is used", service, text, MAX_DAYS);
        return 1;
    }

    private static Instant instant(String name, String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutZone) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new BadRequestException("Parameter [" + name + "] " + text
                        + " is not an ISO-8601 time such as 2026-11-23T09:15:00.000Z");
            }
        }
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.getOrDefault(name, "").trim();
        if (value.isEmpty()) {
            throw new BadRequestException("Parameter [" + name + "] is mandatory");
        }
        return value;
    }

    private static String firstNonEmpty(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first.trim();
        }
        return second == null ? "" : second.trim();
    }
}
