package org.gms.push.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.gms.push.api.PushMessage;
import org.gms.push.api.PushProvider;
import org.gms.push.api.PushResult;
import org.gms.push.api.TransientPushException;
import org.gms.push.config.Channel;
import org.gms.push.config.Formatting;
import org.gms.push.config.PushConfiguration;
import org.gms.push.config.PushTypes;
import org.gms.storage.cluster.lease.LeaseService;
import org.gms.storage.push.OutboxDao;
import org.gms.storage.push.OutboxDelivery;
import org.gms.storage.push.OutboxStream;
import org.gms.storage.push.SubscriptionDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers pushes from the Cassandra outbox. A publish is acknowledged once its deliveries are written into this
 * engine's own outbox stream, which it then sends at once. Transient failures are retried with exponential backoff,
 * the attempt count kept in the outbox. The stream is guarded by a lease this engine renews; when an engine stops, its
 * lease lapses (or is given up) and another node's periodic look adopts the stream with an LWT and sends what is
 * unfinished, so none is lost and none is sent by two live nodes.
 */
public final class PushEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PushEngine.class);
    private static final int OUTCOME_BATCH = 200;
    private static final long OUTCOME_FLUSH_MILLIS = 20;
    private static final long OUTCOME_RETRY_MILLIS = 1000;

    private final SubscriptionDao subscriptions;
    private final OutboxDao outbox;
    private final PushConfiguration configuration;
    private final ProviderRegistry providers;
    private final Formatting formatting;
    private final PushMetrics metrics;
    private final EngineSettings settings;
    private final Clock clock;
    private final OutboxStreams streams;
    private final ScheduledExecutorService scheduler;
    /** Deliveries between dispatch and their recorded outcome, with their stream. */
    private final Map<UUID, String> inFlight = new ConcurrentHashMap<>();
    /** Adopted streams not read yet (a failed read is tried again at the next pass). */
    private final Map<String, OutboxStream> unread = new ConcurrentHashMap<>();
    /** Adopted streams read whole, retired once their deliveries are finished. */
    private final Set<String> draining = ConcurrentHashMap.newKeySet();
    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    /** {@link System#nanoTime()} until which outcome writes wait: a monotonic pause, not a point in time. */
    private volatile long outcomesPausedUntil = System.nanoTime();
    private volatile boolean closed;

    public PushEngine(SubscriptionDao subscriptions, OutboxDao outbox, LeaseService leases,
                      PushConfiguration configuration, ProviderRegistry providers, PushMetrics metrics,
                      EngineSettings settings, Clock clock) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.configuration = configuration;
        this.providers = providers;
        this.formatting = new Formatting(configuration.source());
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
        this.streams = new OutboxStreams(outbox, leases, settings, clock);
        this.scheduler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "push-engine-" + settings.nodeId());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens this engine's stream, then starts the maintenance (lease renewal, adoption of streams left behind) and the
     * outcome writer.
     */
    public void start() {
        streams.open(bucket(clock.instant()));
        long leasePeriod = Math.max(1, settings.lease().toMillis() / 3);
        long period = Math.min(settings.scanPeriod().toMillis(), leasePeriod);
        scheduler.scheduleWithFixedDelay(this::maintainQuietly, period, period, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::flushQuietly, OUTCOME_FLUSH_MILLIS, OUTCOME_FLUSH_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    public EngineSettings settings() {
        return settings;
    }

    /** The engine's own threads, for work that must not run on a storage or HTTP I/O thread. */
    public java.util.concurrent.Executor executor() {
        return scheduler;
    }

    public long bucket(Instant instant) {
        return instant.toEpochMilli() / settings.bucket().toMillis();
    }

    /** The stream this engine writes new deliveries to. */
    public String stream() {
        return streams.current();
    }

    /**
     * Writes the deliveries durably into this engine's stream, then sends them; completes when they are written. The
     * deliveries' stream and bucket are assigned here.
     */
    public CompletableFuture<List<OutboxDelivery>> record(List<OutboxDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        String stream = streams.current();
        return outbox.insert(stream, bucket(clock.instant()), deliveries, seconds(settings.retention()))
                .toCompletableFuture()
                .thenApply(placed -> {
                    placed.forEach(delivery -> inFlight.put(delivery.deliveryId(), stream));
                    scheduler.execute(() -> placed.forEach(this::dispatch));
                    return placed;
                });
    }

    void dispatch(OutboxDelivery delivery) {
        if (closed) {
            return;
        }
        if (!streams.owns(delivery.stream())) {
            // its stream was adopted by another node, which sends it now
            inFlight.remove(delivery.deliveryId());
            return;
        }
        if (!delivery.subscriptionExpiresAt().isAfter(clock.instant())) {
            finish(delivery, "expired");
            return;
        }
        boolean debug = Boolean.parseBoolean(delivery.properties().getOrDefault("debug", "false"));
        Optional<Channel> channel = configuration.channel(delivery.providerName(), delivery.type(), debug);
        Optional<PushProvider> provider = channel.flatMap(providers::provider);
        if (provider.isEmpty()) {
            LOG.warn("Push type [{}] is not enabled for provider [{}]; delivery {} dropped", delivery.type(),
                    delivery.providerName(), delivery.deliveryId());
            metrics.recordFailed(delivery.type(), delivery.providerName());
            finish(delivery, "failed");
            return;
        }
        PushMessage message = new PushMessage(delivery.deliveryId(), delivery.subscriptionId(), delivery.type(),
                delivery.deviceId(), delivery.authorization(), delivery.user(), delivery.tag(), delivery.message(),
                delivery.properties(),
                formats(delivery.type()) ? formatting.resolve(delivery.providerName(), channel.get().section(),
                        delivery.tag()) : Map.of());
        CompletableFuture<PushResult> sending;
        try {
            sending = provider.get().send(message);
        } catch (RuntimeException e) {
            sending = CompletableFuture.failedFuture(e);
        }
        sending.whenComplete((result, error) -> {
            if (closed) {
                return;
            }
            if (error != null) {
                retryLater(delivery, error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            } else {
                conclude(delivery, result);
            }
        });
    }

    private void conclude(OutboxDelivery delivery, PushResult result) {
        String type = delivery.type();
        if (result instanceof PushResult.Sent) {
            metrics.recordSent(type, delivery.providerName(), Duration.between(delivery.createdAt(), clock.instant()));
            finish(delivery, "sent");
        } else if (result instanceof PushResult.Rejected rejected) {
            metrics.recordRejected(type, delivery.providerName());
            LOG.warn("The push service reported device, specified in subscription [{}] to be unreachable,"
                    + " subscription will be removed", delivery.subscriptionId());
            LOG.debug("Rejection of delivery {}: {}", delivery.deliveryId(), rejected.reason());
            scheduler.execute(() -> removeSubscription(delivery.subscriptionId()));
            finish(delivery, "rejected");
        } else if (result instanceof PushResult.Failed failed) {
            metrics.recordFailed(type, delivery.providerName());
            LOG.warn("Push {} to subscription [{}] failed for good: {}", delivery.deliveryId(),
                    delivery.subscriptionId(), failed.reason());
            finish(delivery, "failed");
        }
    }

    private void retryLater(OutboxDelivery delivery, Throwable error) {
        int attempts = delivery.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            metrics.recordFailed(delivery.type(), delivery.providerName());
            LOG.warn("Push {} to subscription [{}] failed after {} attempts: {}", delivery.deliveryId(),
                    delivery.subscriptionId(), attempts, error.getMessage());
            finish(delivery, "failed");
            return;
        }
        metrics.recordRetried(delivery.type(), delivery.providerName());
        Duration wait = backoff(attempts, error);
        LOG.debug("Push {} attempt {} failed ({}), next in {} ms", delivery.deliveryId(), attempts,
                error.getMessage(), wait.toMillis());
        Instant next = clock.instant().plus(wait);
        OutboxDelivery retried = delivery.withAttempts(attempts, next);
        outbox.recordAttempt(delivery, attempts, next, seconds(settings.retention()))
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        // the retry still happens; a node adopting the stream would only repeat an attempt
                        LOG.warn("Cannot record the retry of push {}: {}", delivery.deliveryId(), failure.toString());
                    }
                    if (!closed) {
                        scheduler.schedule(() -> dispatch(retried), wait.toMillis(), TimeUnit.MILLISECONDS);
                    }
                });
    }

    /** Queues the outcome; {@link #flushOutcomes} writes queued outcomes in one batch per partition. */
    private void finish(OutboxDelivery delivery, String outcome) {
        outcomes.add(new Outcome(delivery, outcome));
    }

    private void flushOutcomes() {
        if (System.nanoTime() - outcomesPausedUntil < 0) {
            return;
        }
        writeOutcomes();
        if (outcomes.size() >= OUTCOME_BATCH) {
            scheduler.execute(this::flushOutcomes);
        }
    }

    /** Writes up to one batch of queued outcomes; unwritten ones are queued again, and writes pause a moment. */
    private CompletableFuture<Void> writeOutcomes() {
        List<OutboxDelivery> deliveries = new ArrayList<>();
        List<String> results = new ArrayList<>();
        List<Outcome> taken = new ArrayList<>();
        Outcome next;
        while (deliveries.size() < OUTCOME_BATCH && (next = outcomes.poll()) != null) {
            taken.add(next);
            deliveries.add(next.delivery());
            results.add(next.outcome());
        }
        if (deliveries.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return outbox.finishAll(deliveries, results, seconds(settings.retention())).toCompletableFuture()
                .whenComplete((done, error) -> {
                    if (error != null) {
                        LOG.warn("Cannot record the outcome of {} pushes, retrying in {} ms: {}", deliveries.size(),
                                OUTCOME_RETRY_MILLIS, error.toString());
                        outcomesPausedUntil = System.nanoTime() + OUTCOME_RETRY_MILLIS * 1_000_000;
                        outcomes.addAll(taken);
                    } else {
                        deliveries.forEach(delivery -> inFlight.remove(delivery.deliveryId()));
                    }
                });
    }

    private record Outcome(OutboxDelivery delivery, String outcome) {
    }

    private void removeSubscription(String subscriptionId) {
        try {
            subscriptions.find(subscriptionId).ifPresent(subscriptions::delete);
        } catch (RuntimeException e) {
            LOG.warn("Cannot remove the unreachable subscription [{}]: {}", subscriptionId, e.getMessage());
        }
    }

    /**
     * One maintenance pass: renews this engine's leases, adopts streams left behind by stopped engines and sends what
     * they left unfinished, and retires adopted streams once drained. Public for tests and tools; returns the number
     * of deliveries taken over.
     */
    public int maintain() {
        Instant now = clock.instant();
        streams.renew(bucket(now));
        streams.adoptLeftBehind().forEach(stream -> unread.put(stream.stream(), stream));
        int taken = 0;
        for (OutboxStream stream : List.copyOf(unread.values())) {
            if (streams.owns(stream.stream())) {
                taken += drain(stream, now);
                draining.add(stream.stream());
            }
            unread.remove(stream.stream());
        }
        for (String stream : List.copyOf(draining)) {
            if (!streams.owns(stream)) {
                draining.remove(stream);
            } else if (!inFlight.containsValue(stream)) {
                streams.retire(stream);
                draining.remove(stream);
            }
        }
        return taken;
    }

    /** Reads an adopted stream's recent partitions and sends (or schedules) every unfinished delivery. */
    private int drain(OutboxStream adopted, Instant now) {
        String stream = adopted.stream();
        int taken = 0;
        for (long bucket = Math.max(adopted.firstBucket(), bucket(now.minus(settings.scanWindow())));
             bucket <= bucket(now); bucket++) {
            for (OutboxDelivery delivery : outbox.pending(stream, bucket).toCompletableFuture().join()) {
                if (closed || inFlight.putIfAbsent(delivery.deliveryId(), stream) != null) {
                    continue;
                }
                LOG.debug("Took over push {} (attempt {})", delivery.deliveryId(), delivery.attempts() + 1);
                taken++;
                long wait = Duration.between(now, delivery.notBefore()).toMillis();
                if (wait > 0) {
                    scheduler.schedule(() -> dispatch(delivery), wait, TimeUnit.MILLISECONDS);
                } else {
                    dispatch(delivery);
                }
            }
        }
        return taken;
    }

    private void maintainQuietly() {
        if (closed) {
            return;
        }
        try {
            maintain();
        } catch (RuntimeException e) {
            LOG.warn("Push outbox maintenance failed, next pass in {} ms: {}", settings.scanPeriod().toMillis(),
                    e.toString());
        }
    }

    private void flushQuietly() {
        try {
            flushOutcomes();
        } catch (RuntimeException e) {
            LOG.warn("Cannot record push outcomes: {}", e.toString());
        }
    }

    /**
     * Stops sending; outcomes already known are written first so they are not sent again. Deliveries still in flight
     * keep their lease until it lapses, then another node resumes them.
     */
    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        try {
            while (!outcomes.isEmpty()) {
                writeOutcomes().get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.warn("Some push outcomes were not recorded at stop; those pushes will be sent again: {}",
                    e.toString());
        }
    }

    /**
     * Gives up the leases of this engine's streams once nothing can be sent from here any more (the senders are
     * closed), so that another node adopts them at once instead of after a lease.
     */
    public void releaseStreams() {
        streams.releaseAll();
    }

    /** Only the mobile push services use formatting options (apple.*, fcm.title, fcm.body). */
    private static boolean formats(String type) {
        return type.equals(PushTypes.IOS) || type.equals(PushTypes.FCM);
    }

    private Duration backoff(int attempts, Throwable error) {
        if (error instanceof TransientPushException transientError && transientError.retryAfter().isPresent()) {
            Duration asked = transientError.retryAfter().get();
            return asked.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : asked;
        }
        return settings.backoff(attempts);
    }

    private static int seconds(Duration duration) {
        return OutboxStreams.seconds(duration);
    }
}
