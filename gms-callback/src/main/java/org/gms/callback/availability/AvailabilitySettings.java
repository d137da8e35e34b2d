package org.gms.callback.availability;

import static org.gms.core.config.ReloadPolicy.IMMEDIATE;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gms.callback.capacity.CapacitySettings;
import org.gms.core.config.Option;
import org.gms.core.config.OptionFamily;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduling options of a callback service ({@code [service.<name>]}, {@code _service=callback}).
 *
 * @param bucketMinutes        {@code _request_time_bucket}: minutes of a time bucket, one of {@link #BUCKETS}
 * @param maxRequestsPerBucket {@code _max_request_by_time_bucket}: requests a bucket takes at most, at least 1
 * @param futureLimit          {@code _reject_future_desired_time}: how far ahead a desired time may be
 */
public record AvailabilitySettings(int bucketMinutes, int maxRequestsPerBucket, FutureLimit futureLimit) {

    private static final Logger LOG = LoggerFactory.getLogger(AvailabilitySettings.class);

    public static final int DEFAULT_BUCKET_MINUTES = 5;
    public static final int DEFAULT_MAX_REQUESTS_PER_BUCKET = 100;
    public static final FutureLimit DEFAULT_FUTURE_LIMIT = FutureLimit.DEFAULT;
    public static final List<Integer> BUCKETS = CapacitySettings.BUCKETS;
    public static final AvailabilitySettings DEFAULTS = new AvailabilitySettings(DEFAULT_BUCKET_MINUTES,
            DEFAULT_MAX_REQUESTS_PER_BUCKET, DEFAULT_FUTURE_LIMIT);

    /**
     * Its options, in every {@code [service.<name>]} section. {@code _request_time_bucket} is declared by
     * {@link CapacitySettings}; a callback service reads it with a default of 5 minutes.
     */
    public static final List<Option> OPTIONS = List.of(
            Option.string(OptionFamily.SERVICE, "_max_request_by_time_bucket", "", IMMEDIATE,
                    "Callback: scheduled requests a time bucket takes at most; empty or invalid: 100."),
            Option.string(OptionFamily.SERVICE, "_reject_future_desired_time", "", IMMEDIATE,
                    "Callback: how far ahead a desired time may be, <int><y|M|w|d|h|m>; empty or invalid: 1M."));

    public AvailabilitySettings {
        if (!BUCKETS.contains(bucketMinutes)) {
            throw new IllegalArgumentException("Option _request_time_bucket [" + bucketMinutes + "]: use one of "
                    + BUCKETS);
        }
        if (maxRequestsPerBucket < 1) {
            throw new IllegalArgumentException("Option _max_request_by_time_bucket [" + maxRequestsPerBucket
                    + "]: use a positive integer");
        }
        if (futureLimit == null) {
            throw new IllegalArgumentException("Option _reject_future_desired_time: a limit is required");
        }
    }

    /** The options of {@code section}; as in GMS, an empty or invalid value is the default (with a warning). */
    public static AvailabilitySettings from(String section, Map<String, String> options) {
        int bucket = read(section, options, "_request_time_bucket", DEFAULT_BUCKET_MINUTES,
                text -> integer(text).filter(BUCKETS::contains));
        int max = read(section, options, "_max_request_by_time_bucket", DEFAULT_MAX_REQUESTS_PER_BUCKET,
                text -> integer(text).filter(value -> value >= 1));
        FutureLimit limit = read(section, options, "_reject_future_desired_time", DEFAULT_FUTURE_LIMIT,
                FutureLimit::parse);
        return new AvailabilitySettings(bucket, max, limit);
    }

    private interface Parser<T> {
        Optional<T> parse(String text);
    }

    private static <T> T read(String section, Map<String, String> options, String name, T fallback,
                              Parser<T> parser) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Optional<T> parsed = parser.parse(value.trim());
        if (parsed.isEmpty()) {
            LOG.warn("Wrong value [{}] for option [{}] {}: {} is used", value.trim(), section, name, fallback);
        }
        return parsed.orElse(fallback);
    }

    private static Optional<Integer> integer(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
