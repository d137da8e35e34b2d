package org.gms.callback.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.gms.callback.availability.Availability;
import org.gms.callback.config.ServiceOptions;
import org.gms.callback.engine.CallbackEngine;
import org.gms.callback.engine.Times;
import org.gms.core.error.BadRequestException;
import org.gms.core.error.NotFoundException;
import org.gms.core.http.GmsServlet;
import org.gms.core.http.Responses;
import org.gms.storage.callback.StoredCallback;

/**
 * {@code /genesys/1/admin/callback/*}: {@code GET queues}, {@code GET watermarks}, {@code GET capacity},
 * {@code POST cancel}, {@code POST reportcancelled} (CSV).
 */
final class AdminCallbackServlet extends GmsServlet {

    private static final long serialVersionUID = 1L;
    static final int DEFAULT_MAX = 1000;
    static final int MAX = 5000;
    static final Duration MAX_WINDOW = Duration.ofDays(62);
    /** Days of slots {@code GET capacity} answers by default, and at most. */
    static final int CAPACITY_DAYS = 7;
    static final int MAX_CAPACITY_DAYS = 31;

    private final transient Supplier<CallbackEngine> engine;
    private final transient Supplier<List<String>> filterKeys;
    private final transient java.time.Clock clock;

    AdminCallbackServlet(Responses responses, Supplier<CallbackEngine> engine, Supplier<List<String>> filterKeys,
                         java.time.Clock clock) {
        super(responses);
        this.engine = engine;
        this.filterKeys = filterKeys;
        this.clock = clock;
    }

    @Override
    protected Set<String> methods() {
        return Set.of("GET", "POST");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String operation = pathAfterServlet(request);
        String method = request.getMethod();
        switch (method + " " + operation) {
            case "GET queues" -> responses.json(request, response, queues(request));
            case "GET watermarks" -> responses.json(request, response, watermarks(request));
            case "GET capacity" -> responses.json(request, response, capacity(request));
            case "POST cancel" -> responses.json(request, response, cancel(request));
            case "POST reportcancelled" -> responses.write(request, response, 200, "text/csv;charset=utf-8",
                    exportCancelled(request));
            default -> throw new NotFoundException("No callback admin API at " + method + " "
                    + request.getRequestURI());
        }
    }

    private Map<String, Object> queues(HttpServletRequest request) {
        CallbackEngine callbacks = engine.get();
        Instant now = clock.instant();
        Instant from = time(request, "start_time", now.minus(Duration.ofMinutes(15)));
        Instant to = time(request, "end_time", now.plus(Duration.ofHours(24)));
        window(from, to);
        int max = max(request);
        String target = text(request, "target");
        Set<String> states = new LinkedHashSet<>(ServiceOptions.csv(text(request, "states")));
        Map<String, String> filters = new LinkedHashMap<>();
        for (String key : filterKeys.get()) {
            String value = text(request, key);
            if (!value.isEmpty()) {
                filters.put(key, value);
            }
        }
        List<String> services = target.isEmpty() ? callbacks.callbackServiceNames() : List.of(target);
        if (!target.isEmpty()) {
            callbacks.service(target, Map.of());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        for (String service : services) {
            List<Map<String, Object>> records = new ArrayList<>();
            for (StoredCallback callback : callbacks.inWindow(service, from, to, MAX)) {
                if (records.size() >= max) {
                    break;
                }
                if (!states.isEmpty() && !states.contains(callback.state())) {
                    continue;
                }
                Map<String, Object> record = callbacks.render(callback);
                boolean match = filters.entrySet().stream()
                        .allMatch(filter -> filter.getValue().equals(String.valueOf(record.get(filter.getKey()))));
                if (match) {
                    records.add(record);
                }
            }
            answer.put(service, records);
        }
        return answer;
    }

    private Map<String, Object> watermarks(HttpServletRequest request) {
        CallbackEngine callbacks = engine.get();
        String[] asked = request.getParameterValues("service_name");
        List<String> services = asked == null || asked.length == 0 ? callbacks.callbackServiceNames()
                : List.of(asked);
        Map<String, Integer> counts = new LinkedHashMap<>();
        int total = 0;
        for (String service : services) {
            int count = callbacks.callbackServiceNames().contains(service) ? callbacks.watermark(service) : 0;
            counts.put(service, count);
            total += count;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("services", counts);
        answer.put("total", total);
        return answer;
    }

    /**
     * The slots of one service's next days, from the start of today in the zone of its buckets: each with its
     * capacity (0 when closed), the callbacks booked in it, and whether the office hours are open then.
     */
    private Map<String, Object> capacity(HttpServletRequest request) {
        String target = text(request, "target");
        if (target.isEmpty()) {
            throw new BadRequestException("Parameter [target] (a callback service) is missing");
        }
        int days = CAPACITY_DAYS;
        String asked = text(request, "days");
        if (!asked.isEmpty()) {
            days = asked.matches("[0-9]{1,2}") ? Integer.parseInt(asked) : 0;
            if (days < 1 || days > MAX_CAPACITY_DAYS) {
                throw new BadRequestException("Wrong value [" + asked + "] for parameter [days]: use 1 to "
                        + MAX_CAPACITY_DAYS);
            }
        }
        CallbackEngine callbacks = engine.get();
        ServiceOptions options = callbacks.service(target, Map.of());
        Availability availability = callbacks.slots().availability(options);
        ZonedDateTime today = clock.instant().atZone(availability.zone()).toLocalDate()
                .atStartOfDay(availability.zone());
        Instant from = today.toInstant();
        Instant to = today.plusDays(days).toInstant();
        List<Map<String, Object>> slots = new ArrayList<>();
        for (Availability.Bucket bucket : callbacks.slots().buckets(options, from, to)) {
            Map<String, Object> slot = new LinkedHashMap<>();
            slot.put("start", Times.format(bucket.slot().start()));
            slot.put("end", Times.format(bucket.slot().end()));
            slot.put("capacity", bucket.slot().total());
            slot.put("booked", bucket.slot().used());
            slot.put("open", bucket.open());
            slots.add(slot);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("target", target);
        answer.put("timezone", availability.zone().getId());
        answer.put("durationMin", availability.bucketMinutes());
        answer.put("start", Times.format(from));
        answer.put("end", Times.format(to));
        answer.put("slots", slots);
        return answer;
    }

    private List<Map<String, String>> cancel(HttpServletRequest request) throws IOException {
        JsonNode body = CallbackRequests.json(request);
        String reason = body.path("reason").asText("").trim();
        List<String> ids = CallbackRequests.textList(body, "ids");
        if (ids.size() > MAX) {
            throw new BadRequestException("At most " + MAX + " ids per cancel request");
        }
        Map<String, String> outcome = engine.get().adminCancel(reason.isEmpty() ? "CANCELLED_BY_ADMIN" : reason, ids);
        List<Map<String, String>> answer = new ArrayList<>();
        outcome.forEach((id, result) -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("_id", id);
            entry.put("_ok_title", result);
            answer.add(entry);
        });
        return answer;
    }

    private byte[] exportCancelled(HttpServletRequest request) throws IOException {
        CallbackEngine callbacks = engine.get();
        JsonNode body = CallbackRequests.json(request);
        String reason = body.path("callback_reason").asText("CANCELLED_BY_ADMIN");
        List<String> properties = CallbackRequests.textList(body, "exported_properties");
        if (properties.isEmpty()) {
            properties = List.of("_id", "_service_name", "_desired_time", "_customer_number", "_callback_reason");
        }
        Instant now = clock.instant();
        Instant from = timeOf(body, "start_time", now.minus(Duration.ofDays(31)));
        Instant to = timeOf(body, "end_time", now.plus(Duration.ofDays(31)));
        window(from, to);
        StringBuilder csv = new StringBuilder(String.join(",", properties.stream().map(AdminCallbackServlet::csv)
                .toList())).append("\r\n");
        for (String service : callbacks.callbackServiceNames()) {
            for (StoredCallback callback : callbacks.inWindow(service, from, to, MAX)) {
                if (!callback.state().equals("COMPLETED") || !callback.reason().equals(reason)) {
                    continue;
                }
                Map<String, Object> record = callbacks.render(callback);
                List<String> line = new ArrayList<>();
                for (String property : properties) {
                    Object value = property.equals("_service_id") ? callback.id() : record.get(property);
                    line.add(csv(value == null ? "" : value.toString()));
                }
                csv.append(String.join(",", line)).append("\r\n");
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
    static String csv(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private static void window(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new BadRequestException("start_time must be before end_time");
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new BadRequestException("The time window is longer than " + MAX_WINDOW.toDays() + " days");
        }
    }

    private static int max(HttpServletRequest request) {
        String text = text(request, "max");
        if (text.isEmpty()) {
            return DEFAULT_MAX;
        }
        try {
            int max = Integer.parseInt(text);
            if (max >= 1 && max <= MAX) {
                return max;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequestException("Wrong value [" + text + "] for parameter [max]: use 1 to " + MAX);
    }

    private static Instant time(HttpServletRequest request, String name, Instant fallback) {
        String text = text(request, name);
        return text.isEmpty() ? fallback : Times.parse(name, text);
    }

    private static Instant timeOf(JsonNode body, String name, Instant fallback) {
        String text = body.path(name).asText("").trim();
        return text.isEmpty() ? fallback : Times.parse(name, text);
    }

    private static String text(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.trim();
    }
}
