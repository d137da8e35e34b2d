package org.gms.callback.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays a row of rate steps on a simulated clock through {@link ThrottleSettings#resolve} and
 * {@link RateThrottle#decide}. Two services: S sets the row's service columns, G none, both see the row's
 * {@code [callback]} columns. Steps:
 * <ul>
 *   <li>{@code create(X,k)}: k immediate requests, each accepted; {@code createSch(X,k,+T)}: the same with a
 *       desired time T s ahead;</li>
 *   <li>{@code 503(X,s)}: the next immediate request is rejected with interval s; {@code 503Sch(X,+T,s)}: the same
 *       for a request scheduled T s ahead;</li>
 *   <li>{@code wait(s)}: the clock moves to s seconds after the first 503 of the current group, a group being the
 *       503s and waits that follow a create;</li>
 *   <li>{@code cancelAll(X)}: nothing, since cancelled callbacks still count in the windows.</li>
 * </ul>
 * Each request takes {@link #REQUEST_TIME}, as over HTTP (the rows pass with no time per request too). Only requests
 * submitted at creation count: immediate ones and those whose desired time is within the execution buffer
 * ({@value #EXECUTION_BUFFER} s in these services); the others are accepted without reaching the rate rules.
 */
final class RateReplay {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    static final Duration REQUEST_TIME = Duration.ofMillis(10);
    static final int EXECUTION_BUFFER = 120;
    private static final List<String> CALLBACK_COLUMNS = List.of(ThrottleSettings.IN_QUEUE_CHECKING,
            ThrottleSettings.LIMIT_1, ThrottleSettings.TTL_1, ThrottleSettings.LIMIT_2, ThrottleSettings.TTL_2);
    private static final List<String> SERVICE_COLUMNS = CALLBACK_COLUMNS.subList(1, CALLBACK_COLUMNS.size());
    private static final Pattern STEP = Pattern.compile("(\\w+)\\(([^)]*)\\)");

    private final Map<String, ThrottleSettings> settings = new HashMap<>();
    private final Map<String, RateState> states = new HashMap<>();
    private Instant now = START;
    private Instant groupStart;
    private int requests;

    private RateReplay(String callbackColumns, String serviceColumns) {
        Map<String, String> callback = OptionColumns.section(callbackColumns, CALLBACK_COLUMNS);
        settings.put("S", ThrottleSettings.resolve(OptionColumns.section(serviceColumns, SERVICE_COLUMNS), callback));
        settings.put("G", ThrottleSettings.resolve(Map.of(), callback));
    }

    /** Replays {@code steps} and answers the settings of S and G, for the warnings. */
    static Map<String, ThrottleSettings> replay(String callbackColumns, String serviceColumns, String steps) {
        RateReplay replay = new RateReplay(callbackColumns, serviceColumns);
        Matcher step = STEP.matcher(steps);
        int count = 0;
        while (step.find()) {
            replay.play(step.group(1), step.group(2).split(","), "step " + (++count) + " " + step.group());
        }
        assertThat(count).as("steps of [%s]", steps).isPositive();
        assertThat(replay.requests).as("requests of [%s]", steps).isPositive();
        if (!(callbackColumns + " " + serviceColumns).contains("-1")) {
            replay.settings.forEach((service, resolved) -> assertThat(resolved.warnings()).as(service).isEmpty());
        }
        return Map.copyOf(replay.settings);
    }

    private void play(String name, String[] arguments, String step) {
        String service = arguments.length > 0 ? arguments[0] : "";
        switch (name) {
            case "create" -> create(service, Integer.parseInt(arguments[1]), null, step);
            case "createSch" -> create(service, Integer.parseInt(arguments[1]), seconds(arguments[2]), step);
            case "503" -> reject(service, null, Integer.parseInt(arguments[1]), step);
            case "503Sch" -> reject(service, seconds(arguments[1]), Integer.parseInt(arguments[2]), step);
            case "wait" -> {
                Instant target = groupStart.plusSeconds(Integer.parseInt(arguments[0]));
                assertThat(target).as(step + ": the clock only moves forward").isAfterOrEqualTo(now);
                now = target;
                return;
            }
            case "cancelAll" -> {
            }
            default -> throw new IllegalArgumentException("unknown " + step);
        }
        if (name.startsWith("503")) {
            groupStart = groupStart == null ? now.minus(REQUEST_TIME) : groupStart;
        } else {
            groupStart = null;
        }
    }

    private void create(String service, int count, Integer ahead, String step) {
        for (int index = 1; index <= count; index++) {
            assertThat(request(service, ahead)).as("%s, request %d", step, index)
                    .isInstanceOf(RateDecision.Accepted.class);
        }
    }

    private void reject(String service, Integer ahead, int interval, String step) {
        assertThat(request(service, ahead)).as(step).isEqualTo(new RateDecision.Rejected(interval,
                "Limit of queued callbacks for " + service + " is reached for interval " + interval + "s."));
    }

    private RateDecision request(String service, Integer ahead) {
        Instant at = now;
        now = now.plus(REQUEST_TIME);
        requests++;
        if (ahead != null && ahead > EXECUTION_BUFFER) {
            // scheduled for later than the buffer: stored as SCHEDULED, not submitted, so not counted
            return new RateDecision.Accepted(states.getOrDefault(service, RateState.EMPTY));
        }
        RateDecision decision = RateThrottle.decide(service, states.get(service), at,
                settings.get(service).rates());
        if (decision instanceof RateDecision.Accepted accepted) {
            states.put(service, accepted.next());
        }
        return decision;
    }

    private static Integer seconds(String ahead) {
        return Integer.parseInt(ahead.replace("+", ""));
    }
}
