package org.gms.callback.availability;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gms.core.error.BadRequestException;

/**
 * One availability request, read from its query parameters:
 * {@code GET /genesys/1/service/callback/<service>/availability} ({@link #v1}) and
 * {@code GET /genesys/2/service/callback/<service>/availability} ({@link #v2}). The caller reads the live callbacks
 * whose desired time is in {@code [bookingsFrom(), bookingsTo())} once, then asks for the {@link #answer}.
 *
 * <p>The range is {@code [start, end)}: {@code start} defaults to now, and the first slot is the first bucket that
 * starts at or after it; {@code end} is {@code start} plus {@code number-of-days} (1 to 366) days of 24 hours, else
 * the {@code end} parameter, else one day; it is cut at now plus {@code _reject_future_desired_time}, and may then be
 * at most {@link Availability#MAX_DAYS} days after {@code start}. {@code timestamp} asks for the one slot that
 * contains it.
 */
public final class AvailabilityQuery {

    /** Slots in one answer at most, whatever {@code max-time-slots} says. */
    public static final int MAX_SLOTS = 10_000;

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    private static final String[] TIME_PARAMETERS = {"start", "start-ms", "end", "end-ms", "number-of-days",
        "timestamp"};

    private final Availability availability;
    private final boolean version2;
    private final Instant from;
    private final Instant to;
    /** Whether {@code timestamp} asked for one slot; then this is it, empty when closed or too far ahead. */
    private final boolean single;
    private final Optional<Slot> timestampSlot;
    private final int maxSlots;
    private final boolean reportBusy;
    private final ZoneId timezone;

    private AvailabilityQuery(Availability availability, boolean version2, QueryParameters parameters) {
        this.availability = availability;
        this.version2 = version2;
        this.maxSlots = parameters.integer("max-time-slots", 1, Integer.MAX_VALUE, "a positive number of slots")
                .map(value -> Math.min(value, MAX_SLOTS)).orElse(MAX_SLOTS);
        this.reportBusy = version2 && parameters.bool("report-busy").orElse(false);
        this.timezone = version2 ? parameters.zone("timezone").orElse(availability.zone()) : availability.zone();
        try {
            Optional<Instant> timestamp = parameters.instant("timestamp");
            this.single = timestamp.isPresent();
            if (single) {
                this.timestampSlot = timestamp.get().isAfter(availability.latestDesiredTime()) ? Optional.empty()
                        : availability.slotOf(timestamp.get(), Bookings.NONE);
                this.from = timestampSlot.map(Slot::start).orElse(timestamp.get());
                this.to = timestampSlot.map(Slot::end).orElse(timestamp.get());
            } else {
                this.timestampSlot = Optional.empty();
                Range range = range(availability, parameters, version2);
                this.from = range.from();
                this.to = range.to();
            }
        } catch (DateTimeException | ArithmeticException e) {
            BadRequestException error = new BadRequestException("Parameters "
                    + parameters.given(TIME_PARAMETERS) + " lead outside the supported dates");
            error.initCause(e);
            throw error;
        }
    }

    /** {@code start}, {@code end}, {@code number-of-days}, {@code max-time-slots}, {@code timestamp}. */
    public static AvailabilityQuery v1(Availability availability, Map<String, String> query) {
        return new AvailabilityQuery(availability, false, new QueryParameters(query));
    }

    /**
     * As {@link #v1}, plus {@code start-ms} and {@code end-ms} (milliseconds since the epoch, instead of
     * {@code start} and {@code end}), {@code timezone} (of the {@code localTime} of each slot; default the zone of
     * the buckets) and {@code report-busy} (true: full slots too).
     */
    public static AvailabilityQuery v2(Availability availability, Map<String, String> query) {
        return new AvailabilityQuery(availability, true, new QueryParameters(query));
    }

    /** The first desired time whose callbacks the answer counts. */
    public Instant bookingsFrom() {
        return from;
    }

    /** The end (exclusive) of the desired times whose callbacks the answer counts: the end of the last slot. */
    public Instant bookingsTo() {
        return to;
    }

    /** The slots to answer, counting {@code bookings}, which need hold only those of the bookings range. */
    public List<Slot> slots(Bookings bookings) {
        if (single) {
            return timestampSlot.map(open -> open.withUsed(bookings.count(open.start(), open.end())))
                    .filter(counted -> reportBusy || counted.free() > 0).map(List::of).orElse(List.of());
        }
        return availability.slots(from, to, bookings, reportBusy, maxSlots);
    }

    /**
     * The response body. Version 1: slot start (UTC) to free requests, in order. Version 2:
     * {@code {"durationMin":15,"timezone":"Europe/Paris","slots":[{"utcTime":"2018-06-11T08:00:00.000Z",
     * "localTime":"2018-06-11T10:00:00.000","capacity":4,"total":5}]}} where {@code capacity} is the free requests.
     */
    public Map<String, Object> answer(Bookings bookings) {
        List<Slot> slots = slots(bookings);
        if (!version2) {
            Map<String, Object> body = new LinkedHashMap<>();
            for (Slot slot : slots) {
                body.put(CalendarServices.WIRE_TIME.format(slot.start()), slot.free());
            }
            return body;
        }
        List<Map<String, Object>> rendered = new ArrayList<>(slots.size());
        for (Slot slot : slots) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("utcTime", CalendarServices.WIRE_TIME.format(slot.start()));
            item.put("localTime", LOCAL_TIME.format(slot.start().atZone(timezone)));
            item.put("capacity", slot.free());
            item.put("total", slot.total());
            rendered.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("durationMin", availability.bucketMinutes());
        body.put("timezone", timezone.getId());
        body.put("slots", rendered);
        return body;
    }

    /** The desired times of the slots to list: {@code from == to} when there is none. */
    private record Range(Instant from, Instant to) {
    }

    /** From the first bucket start to the end of the last bucket; empty when nothing is to be listed. */
    private static Range range(Availability availability, QueryParameters parameters, boolean version2) {
        String startName = version2 && parameters.has("start-ms") ? "start-ms" : "start";
        String endName = version2 && parameters.has("end-ms") ? "end-ms" : "end";
        Optional<Instant> givenStart = version2 ? parameters.instantOrMillis("start", "start-ms")
                : parameters.instant("start");
        Optional<Instant> givenEnd = version2 ? parameters.instantOrMillis("end", "end-ms")
                : parameters.instant("end");
        Optional<Integer> days = parameters.integer("number-of-days", 1, Availability.MAX_DAYS,
                "a number of days from 1 to " + Availability.MAX_DAYS);
        Instant start = givenStart.orElseGet(availability::now);
        Instant end;
        if (days.isPresent()) {
            end = start.plus(Duration.ofDays(days.get()));
        } else if (givenEnd.isPresent()) {
            end = givenEnd.get();
            if (end.isBefore(start)) {
                String startText = givenStart.isPresent() ? "[" + startName + "] "
                        + parameters.text(startName).orElseThrow() : "now, " + CalendarServices.WIRE_TIME.format(start);
                throw new BadRequestException("Parameter [" + endName + "] " + parameters.text(endName).orElseThrow()
                        + " is before " + startText);
            }
        } else {
            end = start.plus(Duration.ofDays(1));
        }
        Instant latest = availability.latestDesiredTime();
        if (end.isAfter(latest)) {
            end = latest;
        }
        if (!start.isBefore(end)) {
            return new Range(start, start);
        }
        if (Duration.between(start, end).compareTo(Availability.MAX_RANGE) > 0) {
            throw new BadRequestException("Parameters " + parameters.given(TIME_PARAMETERS) + " ask for more than "
                    + Availability.MAX_DAYS + " days of slots");
        }
        Instant first = availability.ceiling(start);
        return first.isBefore(end) ? new Range(first, availability.ceiling(end)) : new Range(start, start);
    }
}
