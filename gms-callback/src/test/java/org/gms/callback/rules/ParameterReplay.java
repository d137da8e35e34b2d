package org.gms.callback.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays a row of request-parameter steps on a simulated clock through {@link ThrottleSettings#resolve},
 * {@link ParameterRules} and {@link ParameterCounterKey}, with the counts of accepted requests in a map. Two
 * services: S sets the row's service columns, G none, both see the row's {@code [callback]} columns and
 * {@code [callback] _enable_in_queue_checking=false}. Steps, for customer c1 ({@value #C1}) or c2 ({@value #C2}):
 * <ul>
 *   <li>{@code create(X,c,k)}: k immediate requests of c, each accepted;</li>
 *   <li>{@code 503(X,c,k)}: the next immediate request of c is rejected, naming limit k;</li>
 *   <li>{@code createSch(X,c,k,+T)}: k requests of c scheduled T s ahead, each accepted. T is beyond the execution
 *       buffer ({@value #EXECUTION_BUFFER} s in these services), so they are not submitted at creation and the
 *       throttle neither checks nor counts them.</li>
 * </ul>
 * Every row then cancels all (nothing for the counts), moves the server clock one day ahead, and replays its first
 * step with the same result: the new date has counts of its own.
 */
final class ParameterReplay {

    static final String C1 = "5115";
    static final String C2 = "5125";
    static final int EXECUTION_BUFFER = 120;
    /** The server zone; the day starts at local midnight, not UTC. */
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final Instant START = Instant.parse("2026-03-02T21:00:00Z");
    private static final Duration REQUEST_TIME = Duration.ofMillis(10);
    private static final List<String> COLUMNS = List.of(ThrottleSettings.PARAMETER_LIMIT,
            ThrottleSettings.PARAMETERS);
    private static final Pattern STEP = Pattern.compile("(\\w+)\\(([^)]*)\\)");

    private final Map<String, ThrottleSettings> settings = new HashMap<>();
    private final Map<ParameterCounterKey, Long> accepted = new HashMap<>();
    private Instant now = START;

    private ParameterReplay(String callbackColumns, String serviceColumns) {
        Map<String, String> callback = new HashMap<>(OptionColumns.section(callbackColumns, COLUMNS));
        callback.put(ThrottleSettings.IN_QUEUE_CHECKING, "false");
        settings.put("S", ThrottleSettings.resolve(OptionColumns.section(serviceColumns, COLUMNS), callback));
        settings.put("G", ThrottleSettings.resolve(Map.of(), callback));
    }

    /** Replays {@code steps}, then the day change, and answers the settings of S and G, for the warnings. */
    static Map<String, ThrottleSettings> replay(String callbackColumns, String serviceColumns, String steps) {
        ParameterReplay replay = new ParameterReplay(callbackColumns, serviceColumns);
        Matcher step = STEP.matcher(steps);
        String first = null;
        int count = 0;
        while (step.find()) {
            first = first == null ? step.group() : first;
            replay.play(step.group(1), step.group(2).split(","), "step " + (++count) + " " + step.group());
        }
        assertThat(first).as("steps of [%s]", steps).isNotNull();
        assertThat(ParameterCounterKey.day(replay.now, ZONE)).isEqualTo(ParameterCounterKey.day(START, ZONE));
        replay.now = replay.now.plus(Duration.ofDays(1));
        Matcher again = STEP.matcher(first);
        assertThat(again.find()).isTrue();
        replay.play(again.group(1), again.group(2).split(","), "after date+1, " + first);
        if (!(callbackColumns + " " + serviceColumns).contains("-1")) {
            replay.settings.forEach((service, resolved) -> assertThat(resolved.warnings()).as(service).isEmpty());
        }
        return Map.copyOf(replay.settings);
    }

    private void play(String name, String[] arguments, String step) {
        String service = arguments[0];
        String customer = arguments[1].equals("c1") ? C1 : C2;
        int count = Integer.parseInt(arguments[2]);
        switch (name) {
            case "create" -> {
                for (int index = 1; index <= count; index++) {
                    assertThat(request(service, customer, 0)).as("%s, request %d", step, index).isEmpty();
                }
            }
            case "createSch" -> {
                int ahead = Integer.parseInt(arguments[3].replace("+", ""));
                for (int index = 1; index <= count; index++) {
                    assertThat(request(service, customer, ahead)).as("%s, request %d", step, index).isEmpty();
                }
            }
            case "503" -> assertThat(request(service, customer, 0)).as(step).contains("Callback for _customer_number="
                    + customer + " rejected because previous callbacks for this parameter were requested for more than "
                    + count + " times today.");
            default -> throw new IllegalArgumentException("unknown " + step);
        }
    }

    /** The rejection of one request of {@code customer}, desired {@code ahead} seconds from now (0: immediate). */
    private Optional<String> request(String service, String customer, int ahead) {
        Instant at = now;
        now = now.plus(REQUEST_TIME);
        if (ahead > EXECUTION_BUFFER) {
            return Optional.empty();
        }
        ParameterRules rules = settings.get(service).parameters();
        Map<String, String> values = rules.countedValues(Map.of("_customer_number", customer), Map.of());
        assertThat(values).isNotEmpty();
        for (Map.Entry<String, String> value : values.entrySet()) {
            ParameterCounterKey key = ParameterCounterKey.of(service, value.getKey(), value.getValue(), at, ZONE);
            Optional<String> rejection = rules.rejection(value.getKey(), value.getValue(),
                    accepted.getOrDefault(key, 0L));
            if (rejection.isPresent()) {
                return rejection;
            }
        }
        values.forEach((parameter, value) -> accepted.merge(
                ParameterCounterKey.of(service, parameter, value, at, ZONE), 1L, Long::sum));
        return Optional.empty();
    }
}
