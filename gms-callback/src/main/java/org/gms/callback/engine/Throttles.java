package org.gms.callback.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.gms.callback.api.CallbackUnavailableException;
import org.gms.callback.config.ServiceOptions;
import org.gms.callback.rules.ParameterCounterKey;
import org.gms.callback.rules.ParameterRules;
import org.gms.callback.rules.RateDecision;
import org.gms.callback.rules.RateState;
import org.gms.callback.rules.RateThrottle;
import org.gms.callback.rules.ThrottleSettings;
import org.gms.storage.callback.CallbackRepository;

/**
 * The throttles of the callback services, shared by every node: each counter is a small state in Cassandra changed
 * by compare-and-set, and the rules of {@link RateThrottle} and {@link ParameterRules} decide on it.
 */
final class Throttles {

    private static final int CAS_ROUNDS = 100;

    private final CallbackRepository repository;
    private final Clock clock;

    Throttles(CallbackRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    static ThrottleSettings rules(ServiceOptions options) {
        ThrottleSettings rules = ThrottleSettings.resolve(options.sectionOptions(), options.defaults());
        rules.warnings().forEach(warning -> options.warnOnce(warning));
        return rules;
    }

    /** Counts a callback submitted at creation in the two rate windows of its service, or refuses it (503). */
    void acquireRate(ServiceOptions options) {
        ThrottleSettings rules = rules(options);
        String name = "rate|" + options.name();
        Duration keep = Duration.ofSeconds(Math.max(rules.rates().first().ttlSeconds(),
                rules.rates().second().ttlSeconds()) + 60L);
        for (int round = 0; round < CAS_ROUNDS; round++) {
            Optional<String> stored = repository.counter(name);
            RateState current = stored.map(Throttles::decode).orElse(RateState.EMPTY);
            RateDecision decision = RateThrottle.decide(options.name(), current, clock.instant(), rules.rates());
            if (decision instanceof RateDecision.Rejected rejected) {
                throw new CallbackUnavailableException(rejected.message());
            }
            String next = encode(((RateDecision.Accepted) decision).next());
            boolean applied = stored.isPresent() ? repository.replaceCounter(name, stored.get(), next, keep)
                    : repository.createCounter(name, next, keep);
            if (applied) {
                return;
            }
        }
        throw new CallbackUnavailableException("Callback throttle of " + options.name() + " is contended; try again");
    }

    /** Counts an immediate callback under each throttled parameter value of the day, or refuses it (503). */
    void acquireParameters(ServiceOptions options, Map<String, String> body, Map<String, String> headers) {
        ParameterRules rules = rules(options).parameters();
        Map<String, String> values = rules.countedValues(body, headers);
        ZoneId zone = ZoneId.systemDefault();
        Instant now = clock.instant();
        for (Map.Entry<String, String> value : values.entrySet()) {
            long earlier = repository.counter(counterName(options, value, now, zone)).map(Long::parseLong).orElse(0L);
            rules.rejection(value.getKey(), value.getValue(), earlier).ifPresent(message -> {
                throw new CallbackUnavailableException(message);
            });
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            ParameterCounterKey key = ParameterCounterKey.of(options.name(), value.getKey(), value.getValue(), now,
                    zone);
            increment(counterName(options, value, now, zone), rules, value,
                    Duration.between(now, key.endOfDay(zone)).plus(Duration.ofDays(1)));
        }
    }

    private void increment(String name, ParameterRules rules, Map.Entry<String, String> value, Duration keep) {
        for (int round = 0; round < CAS_ROUNDS; round++) {
            Optional<String> stored = repository.counter(name);
            long earlier = stored.map(Long::parseLong).orElse(0L);
            rules.rejection(value.getKey(), value.getValue(), earlier).ifPresent(message -> {
                throw new CallbackUnavailableException(message);
            });
            String next = Long.toString(earlier + 1);
            if (stored.isPresent() ? repository.replaceCounter(name, stored.get(), next, keep)
                    : repository.createCounter(name, next, keep)) {
                return;
            }
        }
        throw new CallbackUnavailableException("Callback throttle of " + value.getKey() + " is contended; try again");
    }

    private static String counterName(ServiceOptions options, Map.Entry<String, String> value, Instant now,
                                      ZoneId zone) {
        ParameterCounterKey key = ParameterCounterKey.of(options.name(), value.getKey(), value.getValue(), now, zone);
        return "param|" + key.service() + "|" + key.parameter() + "|" + key.value() + "|" + key.day();
    }

    /** Mean seconds an agent spent on the recent completed callbacks of a queue (0 before the first). */
    static double averageHandling(CallbackRepository repository, String queue) {
        return repository.counter("handling|" + queue).map(state -> Double.parseDouble(state.split(",")[0]) / 1000.0)
                .orElse(0.0);
    }

    /** Adds a completed callback's handling time to its queue's moving average (the last ~20 weigh most). */
    static void recordHandling(CallbackRepository repository, String queue, Duration handling, Clock clock) {
        String name = "handling|" + queue;
        Duration keep = Duration.ofDays(30);
        for (int round = 0; round < 10; round++) {
            Optional<String> stored = repository.counter(name);
            double millis = Math.max(0, handling.toMillis());
            long count = 0;
            if (stored.isPresent()) {
                String[] parts = stored.get().split(",");
                double average = Double.parseDouble(parts[0]);
                count = Long.parseLong(parts[1]);
                double weight = 1.0 / Math.min(count + 1, 20);
                millis = average + (millis - average) * weight;
            }
            String next = Math.round(millis) + "," + (count + 1) + "," + clock.instant().toEpochMilli();
            if (stored.isPresent() ? repository.replaceCounter(name, stored.get(), next, keep)
                    : repository.createCounter(name, next, keep)) {
                return;
            }
        }
    }

    static String encode(RateState state) {
        return millis(state.start1()) + "," + state.count1() + "," + millis(state.start2()) + "," + state.count2();
    }

    static RateState decode(String text) {
        String[] parts = text.split(",");
        return new RateState(instant(parts[0]), Integer.parseInt(parts[1]), instant(parts[2]),
                Integer.parseInt(parts[3]));
    }

    private static String millis(Instant instant) {
        return instant == null ? "-" : Long.toString(instant.toEpochMilli());
    }

    private static Instant instant(String text) {
        return text.equals("-") ? null : Instant.ofEpochMilli(Long.parseLong(text));
    }
}
