package org.gms.chat.cometd;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.LocalSession;
import org.cometd.bayeux.server.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads of a chat CometD service: a small pool that reads transcripts and delivers (one task per session at a
 * time, see {@link Coalescing}; a bounded queue), and one scheduler thread for the poll that is the safety net of
 * the wake-ups. Messages are delivered from a local session of the service's own.
 */
final class CometWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(CometWorkers.class);
    private static final int THREADS = 4;
    private static final int QUEUED = 10_000;

    private final BayeuxServer bayeux;
    private final String name;
    private ThreadPoolExecutor executor;
    private ScheduledExecutorService scheduler;
    private volatile LocalSession sender;

    CometWorkers(BayeuxServer bayeux, String name) {
        this.bayeux = bayeux;
        this.name = name;
    }

    void start(Duration pollInterval, Runnable poll) {
        AtomicInteger count = new AtomicInteger();
        executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUED),
                runnable -> daemon(runnable, name + "-" + count.incrementAndGet()));
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, name + "-poll"));
        long millis = Math.max(10, pollInterval.toMillis());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                poll.run();
            } catch (RuntimeException e) {
                LOG.warn("The {} poll failed: {}", name, e.toString());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    void stop() throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (executor != null) {
            executor.shutdown();
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        }
        LocalSession current = sender;
        sender = null;
        if (current != null) {
            current.disconnect();
        }
    }

    Executor executor() {
        return executor;
    }

    void deliver(ServerSession session, String channel, Object data) {
        session.deliver(sender(), channel, data, Promise.noop());
    }

    private LocalSession sender() {
        LocalSession current = sender;
        if (current == null) {
            synchronized (this) {
                if (sender == null) {
                    // made on first use: the Bayeux server starts after the features
                    LocalSession local = bayeux.newLocalSession(name);
                    local.handshake();
                    sender = local;
                }
                current = sender;
            }
        }
        return current;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
