package org.gms.callback.capacity;

import static org.gms.core.config.ReloadPolicy.IMMEDIATE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gms.core.config.Option;
import org.gms.core.config.OptionFamily;

/**
 * The capacity options of one {@code [service.<name>]} section: {@code _capacity=[Mon, Tue, ...]} names the days of
 * profile 1, 2, ...; {@code _capacity_<n>={"<n>":{"HHmm":int}}} (the inner object alone is accepted too);
 * {@code _capacity_add={"YYYY-MM-dd":{"HHmm":int}}} overrides dates ({@code {}} and {@code []} mean none);
 * {@code _timezone}, {@code _max_capacity} (1000), {@code _request_time_bucket} (minutes, 60).
 */
public record CapacitySettings(ZoneId zone, int maxCapacity, int bucketMinutes, Map<DayOfWeek, DayProfile> weekly,
                               Map<LocalDate, DayProfile> dates) {

    /** Its options, in every {@code [service.<name>]} section. */
    public static final List<Option> OPTIONS = List.of(
            Option.string(OptionFamily.SERVICE, "_capacity", "", IMMEDIATE,
                    "Capacity: day list [Mon, Tue, ...]; entry n uses the hour profile _capacity_n."),
            Option.string(OptionFamily.SERVICE, "_capacity_1", "", IMMEDIATE,
                    "Capacity: hour profile {\"1\":{\"HHmm\":capacity,...}} of the days of entry 1."),
            Option.string(OptionFamily.SERVICE, "_capacity_add", "", IMMEDIATE,
                    "Capacity: date exceptions {\"YYYY-MM-dd\":{\"HHmm\":capacity}}; empty: none."),
            Option.string(OptionFamily.SERVICE, "_max_capacity", "", IMMEDIATE,
                    "Capacity: highest capacity of an hour; a higher value is a CapacityException. Empty: 1000."),
            Option.string(OptionFamily.SERVICE, "_request_time_bucket", "", IMMEDIATE,
                    "Capacity and callback: bucket minutes (5, 10, 15, 20, 30, 60, 120); empty: 60 for a capacity"
                            + " service, 5 for a callback service."));

    public static final int DEFAULT_MAX_CAPACITY = 1000;
    public static final int DEFAULT_BUCKET_MINUTES = 60;
    public static final List<Integer> BUCKETS = List.of(5, 10, 15, 20, 30, 60, 120);
    private static final ObjectMapper JSON = new ObjectMapper();

    public CapacitySettings {
        weekly = Map.copyOf(weekly);
        dates = Map.copyOf(dates);
    }

    public static CapacitySettings from(String section, Map<String, String> options) {
        ZoneId zone = read(section, options, "_timezone", "UTC", ZoneId::of);
        int max = read(section, options, "_max_capacity", Integer.toString(DEFAULT_MAX_CAPACITY), Integer::parseInt);
        int bucket = read(section, options, "_request_time_bucket", Integer.toString(DEFAULT_BUCKET_MINUTES),
                text -> {
                    int minutes = Integer.parseInt(text);
                    if (!BUCKETS.contains(minutes)) {
                        throw new IllegalArgumentException("use one of " + BUCKETS);
                    }
                    return minutes;
                });
        Map<DayOfWeek, DayProfile> weekly = new EnumMap<>(DayOfWeek.class);
        String days = options.getOrDefault("_capacity", "").trim();
        if (!days.isEmpty()) {
            String[] entries = days.replace("[", "").replace("]", "").split(",");
            for (int position = 1; position <= entries.length; position++) {
                String key = "_capacity_" + position;
                String entry = entries[position - 1];
                DayProfile profile = read(section, options, key, "{}", text -> profile(json(text), max, section, key));
                for (DayOfWeek day : read(section, options, "_capacity", days, text -> dayRange(entry))) {
                    weekly.put(day, profile);
                }
            }
        }
        Map<LocalDate, DayProfile> dates = new LinkedHashMap<>();
        JsonNode added = read(section, options, "_capacity_add", "{}", CapacitySettings::json);
        for (Iterator<Map.Entry<String, JsonNode>> fields = added.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> date = fields.next();
            LocalDate day = read(section, options, "_capacity_add", "{}", text -> LocalDate.parse(date.getKey()));
            dates.put(day, profile(date.getValue(), max, section, "_capacity_add"));
        }
        return new CapacitySettings(zone, max, bucket, weekly, dates);
    }

    DayProfile profileOf(LocalDate date) {
        DayProfile exception = dates.get(date);
        if (exception != null) {
            return exception;
        }
        return weekly.getOrDefault(date.getDayOfWeek(), DayProfile.CLOSED);
    }

    private static DayProfile profile(JsonNode node, int max, String section, String option) {
        JsonNode hours = node;
        if (node.size() == 1 && node.elements().next().isObject()) {
            hours = node.elements().next();
        }
        TreeMap<Integer, Integer> capacities = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = hours.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> hour = fields.next();
            String key = hour.getKey();
            if (!key.matches("\\d{4}") || Integer.parseInt(key.substring(0, 2)) > 23
                    || Integer.parseInt(key.substring(2)) > 59 || !hour.getValue().canConvertToInt()) {
                throw new IllegalArgumentException("Wrong value [" + key + ":" + hour.getValue() + "] for option ["
                        + section + "] " + option + ": use \"HHmm\":integer");
            }
            int capacity = hour.getValue().asInt();
            if (capacity > max) {
                throw new CapacityException("Capacity [" + capacity + "] at " + key + " in option [" + section + "] "
                        + option + " is over _max_capacity [" + max + "]");
            }
            capacities.put(Integer.parseInt(key.substring(0, 2)) * 60 + Integer.parseInt(key.substring(2)),
                    Math.max(0, capacity));
        }
        return new DayProfile(capacities);
    }

    private static Set<DayOfWeek> dayRange(String entry) {
        String[] bounds = entry.trim().split("-");
        DayOfWeek first = day(bounds[0]);
        DayOfWeek last = bounds.length > 1 ? day(bounds[1]) : first;
        Set<DayOfWeek> result = java.util.EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek current = first; ; current = current.plus(1)) {
            result.add(current);
            if (current == last) {
                return result;
            }
        }
    }

    private static DayOfWeek day(String name) {
        String key = name.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (key.length() >= 3 && day.name().startsWith(key.substring(0, 3))) {
                return day;
            }
        }
        throw new IllegalArgumentException("unknown day [" + name.trim() + "]");
    }

    private static JsonNode json(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node.isArray() && node.isEmpty()) {
                return JSON.createObjectNode();
            }
            if (!node.isObject()) {
                throw new IllegalArgumentException("expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage());
        }
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T read(String section, Map<String, String> options, String name, String fallback,
                              Parser<T> parser) {
        String value = options.get(name);
        String text = value == null || value.isBlank() ? fallback : value.trim();
        try {
            return parser.parse(text);
        } catch (CapacityException e) {
            throw e;
        } catch (IllegalArgumentException | DateTimeException e) {
            String reason = e instanceof DateTimeParseException ? "invalid date" : e.getMessage();
            throw new IllegalArgumentException("Wrong value [" + text + "] for option [" + section + "] " + name + ": "
                    + reason, e);
        }
    }
}
