package org.gms.callback.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gms.callback.config.CallbackSettings;
import org.gms.callback.config.ServiceOptions;
import org.gms.callback.engine.CallbackListener;
import org.gms.core.error.BadRequestException;
import org.gms.push.api.PublishRequest;
import org.gms.push.api.SubscribeRequest;
import org.gms.push.engine.NotificationService;
import org.gms.storage.callback.StoredCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state-change events of callbacks ({@code _enable_status_notification=subscribe_notify}), published through
 * the push engine. Every event of callback {@code <id>} is published to the tag {@link #tag ors.contact.<id>}; when
 * the callback is created, the service's {@code _status_notification_target} is subscribed to that tag for the
 * callback's lifetime, so its events reach it through the durable outbox and its retries. A mobile app may subscribe
 * to the same tag through the notification API (filter {@code ors.contact.<id>}, or {@code ors.contact.*} for every
 * callback).
 * <p>
 * The callback request only enqueues: the subscription and the publishes run on a few worker threads (the events of
 * one callback always on the same one, in order) behind a bounded queue. A push failure, a full queue or a slow
 * outbox is logged, never thrown to the callback engine.
 */
public final class CallbackEvents extends AbstractLifeCycle implements CallbackListener {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackEvents.class);
    public static final String TAG_PREFIX = "ors.contact.";
    static final int WORKERS = 2;
    static final int QUEUE_PER_WORKER = 10_000;
    static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private final Supplier<CallbackSettings> settings;
    private final Supplier<NotificationService> notifications;
    private final Clock clock;
    private final AtomicLong dropped = new AtomicLong();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private volatile ThreadPoolExecutor[] workers;

    /** One event to publish; the name is what the logs show of it (its params may be personal data). */
    private record Publication(String event, PublishRequest request) {
    }

    /** {@code notifications}: the push engine's service, read once it is started. */
    public CallbackEvents(Supplier<CallbackSettings> settings, Supplier<NotificationService> notifications,
                          Clock clock) {
        this.settings = settings;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The tag every event of a callback is published to. */
    public static String tag(String callbackId) {
        return TAG_PREFIX + callbackId;
    }

    @Override
    public void changed(Optional<StoredCallback> before, StoredCallback after, ServiceOptions options) {
        try {
            Optional<EventOptions> resolved = EventOptions.of(options, settings.get());
            if (resolved.isEmpty()) {
                return;
            }
            EventOptions events = resolved.get();
            Instant now = clock.instant();
            List<Publication> publishes = new ArrayList<>();
            for (String name : StateEvents.of(before, after)) {
                List<String> params = events.events().get(name);
                if (params != null) {
                    publishes.add(new Publication(name, new PublishRequest(tag(after.id()),
                            EventMessage.render(name, after, params, now), PublishRequest.STRING, Map.of())));
                }
            }
            Optional<SubscribeRequest> subscription = before.isEmpty() && events.subscribesTarget()
                    ? Optional.of(subscription(after, events, now)) : Optional.empty();
            if (subscription.isPresent() || !publishes.isEmpty()) {
                enqueue(after, () -> deliver(after, subscription, publishes));
            }
        } catch (RuntimeException e) {
            LOG.warn("Callback {}: its events are not published: {}", after.id(), e.toString());
        }
    }

    private static SubscribeRequest subscription(StoredCallback callback, EventOptions events, Instant now) {
        long lifetime = Math.max(1, Duration.between(now, callback.expiresAt()).toSeconds());
        return new SubscribeRequest(callback.data().getOrDefault("gms_user", ""), "callback." + callback.service(),
                events.provider(), events.target(), events.type(), Map.of(), "",
                (int) Math.min(Integer.MAX_VALUE, lifetime), tag(callback.id()));
    }

    private void enqueue(StoredCallback callback, Runnable task) {
        ThreadPoolExecutor[] current = workers;
        try {
            if (current == null) {
                throw new RejectedExecutionException("the push engine is not running");
            }
            current[Math.floorMod(callback.id().hashCode(), current.length)].execute(task);
        } catch (RejectedExecutionException e) {
            long count = dropped.incrementAndGet();
            if (count == 1 || count % 1000 == 0) {
                LOG.warn("Callback {}: events not published, {} ({} change(s) dropped so far)", callback.id(),
                        e.getMessage() == null ? "the event queue is full" : e.getMessage(), count);
            }
        }
    }

    private void deliver(StoredCallback callback, Optional<SubscribeRequest> subscription,
                         List<Publication> publishes) {
        NotificationService service;
        try {
            service = notifications.get();
        } catch (RuntimeException e) {
            LOG.warn("Callback {}: events not published, the push engine is not available: {}", callback.id(),
                    e.toString());
            return;
        }
        subscription.ifPresent(request -> subscribe(service, callback, request));
        for (Publication publish : publishes) {
            publish(service, callback, publish);
        }
    }

    private void subscribe(NotificationService service, StoredCallback callback, SubscribeRequest request) {
        try {
            String id = service.subscribe(request);
            LOG.debug("Callback {}: {} target subscribed to {} (subscription {})", callback.id(), request.type(),
                    request.filter(), id);
        } catch (BadRequestException e) {
            // the service's options are wrong for every callback: say so once
            if (warned.size() < 10_000 && warned.add(callback.service() + '\u0000' + e.getMessage())) {
                LOG.warn("Callback service [{}]: the status notification target cannot be subscribed: {}",
                        callback.service(), e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warn("Callback {}: the status notification target was not subscribed: {}", callback.id(),
                    e.toString());
        }
    }

    private void publish(NotificationService service, StoredCallback callback, Publication publish) {
        try {
            int deliveries = service.publish(publish.request()).get(PUBLISH_TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS);
            LOG.debug("Callback {}: {} published to {} subscription(s)", callback.id(), publish.event(), deliveries);
        } catch (TimeoutException e) {
            LOG.warn("Callback {}: the push outbox did not take {} within {} s; it may still be delivered",
                    callback.id(), publish.event(), PUBLISH_TIMEOUT.toSeconds());
        } catch (ExecutionException e) {
            LOG.warn("Callback {}: {} not published: {}", callback.id(), publish.event(), e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Callback {}: {} not published, the node is stopping", callback.id(), publish.event());
        } catch (RuntimeException e) {
            LOG.warn("Callback {}: {} not published: {}", callback.id(), publish.event(), e.toString());
        }
    }

    @Override
    protected void doStart() {
        ThreadPoolExecutor[] started = new ThreadPoolExecutor[WORKERS];
        for (int index = 0; index < started.length; index++) {
            String name = "callback-events-" + index;
            started[index] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                    new ArrayBlockingQueue<>(QUEUE_PER_WORKER), runnable -> {
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
            });
        }
        workers = started;
    }

    /** Publishes what is queued (for {@link #DRAIN_TIMEOUT} at most), then stops the workers. */
    @Override
    protected void doStop() throws InterruptedException {
        ThreadPoolExecutor[] current = workers;
        workers = null;
        if (current == null) {
            return;
        }
        for (ThreadPoolExecutor worker : current) {
            worker.shutdown();
        }
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        int left = 0;
        for (ThreadPoolExecutor worker : current) {
            if (!worker.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                left += worker.shutdownNow().size();
            }
        }
        if (left > 0) {
            LOG.warn("Stopped with the events of {} callback change(s) not published", left);
        }
    }
}
