package org.gms.callback.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.gms.callback.config.CallbackSettings;
import org.gms.core.config.NamedSection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background passes of one node over the callback services: the pause switchboard every
 * {@code [callback] queue-polling-rate} and the recovery of missed submissions every
 * {@code queue-polling-rate-recover} (and soon after start). Every node runs them; each change they make is a
 * compare-and-set, so two nodes never apply it twice.
 */
public final class Sweeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);
    /** The first recovery pass runs this long after start, once the node has joined. */
    static final long FIRST_RECOVERY_SECONDS = 5;

    private final CallbackEngine engine;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private Instant nextSweep;
    private Instant nextRecovery;

    public Sweeper(CallbackEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "callback-sweeper");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        Instant now = clock.instant();
        nextSweep = now;
        nextRecovery = now.plusSeconds(FIRST_RECOVERY_SECONDS);
        timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    private void tick() {
        try {
            CallbackSettings settings = engine.settings();
            Instant now = clock.instant();
            if (!now.isBefore(nextSweep)) {
                nextSweep = now.plus(settings.pollingRate());
                int changed = 0;
                for (NamedSection service : settings.callbackServices()) {
                    changed += engine.submissions().sweepPause(service);
                }
                log(settings, "Callback sweep: {} callback(s) paused or resumed", changed);
            }
            if (!now.isBefore(nextRecovery)) {
                nextRecovery = now.plus(settings.recoveryRate());
                int submitted = 0;
                for (NamedSection service : settings.callbackServices()) {
                    submitted += engine.submissions().recover(service);
                }
                if (submitted > 0) {
                    LOG.info("Callback recovery: {} callback(s) whose submission time had passed were submitted",
                            submitted);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Callback sweep failed, tried again at the next pass: {}", e.toString());
        }
    }

    private static void log(CallbackSettings settings, String message, int count) {
        if (settings.logBackground()) {
            LOG.info(message, count);
        } else if (count > 0) {
            LOG.debug(message, count);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
