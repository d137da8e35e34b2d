package org.gms.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.gms.storage.push.OutboxDao;
import org.gms.storage.push.OutboxDelivery;
import org.gms.storage.push.SubscriptionDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers pushes from the Cassandra outbox. A publish is acknowledged once its deliveries are written, already
 * leased to this node, which then sends them at once. Transient failures are retried with exponential backoff, the
 * attempt count kept in the outbox; a node that stops leaves its leases to lapse, and any node's periodic scan takes
 * over unleased, unfinished deliveries with an LWT, so none is lost and none is sent by two nodes at once.
 */
public final class PushEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PushEngine.class);
    private static final int BATCH = 100;
    private static final int OUTCOME_BATCH = 200;
    private static final long OUTCOME_FLUSH_MILLIS = 5;

    private final SubscriptionDao subscriptions;
    private final OutboxDao outbox;
    private final PushConfiguration configuration;
    private final ProviderRegistry providers;
    private final Formatting formatting;
    private final PushMetrics metrics;
    private final EngineSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<String> settled = ConcurrentHashMap.newKeySet();
    private final java.util.Queue<Outcome> outcomes = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    public PushEngine(SubscriptionDao subscriptions, OutboxDao outbox, PushConfiguration configuration,
                      ProviderRegistry providers, PushMetrics metrics, EngineSettings settings, Clock clock) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.configuration = configuration;
        this.providers = providers;
        this.formatting = new Formatting(configuration.source());
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
        this.scheduler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "push-engine-" + settings.nodeId());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the periodic scan that takes over deliveries left by stopped nodes. */
    public void start() {
        long period = settings.scanPeriod().toMillis();
        scheduler.scheduleWithFixedDelay(this::scanQuietly, period, period, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::flushQuietly, OUTCOME_FLUSH_MILLIS, OUTCOME_FLUSH_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    public EngineSettings settings() {
        return settings;
    }

    public long bucket(Instant instant) {
        return instant.getEpochSecond() / 60;
    }

    /** Writes the deliveries durably (leased to this node), then sends them; completes when they are written. */
    public CompletableFuture<Void> record(List<OutboxDelivery> deliveries) {
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int start = 0; start < deliveries.size(); start += BATCH) {
            writes.add(outbox.insert(deliveries.subList(start, Math.min(deliveries.size(), start + BATCH)),
                    settings.nodeId(), seconds(settings.retention()), seconds(settings.lease())).toCompletableFuture());
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                .thenRun(() -> scheduler.execute(() -> deliveries.forEach(this::dispatch)));
    }

    void dispatch(OutboxDelivery delivery) {
        if (closed) {
            return;
        }
        inFlight.add(delivery.deliveryId());
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
            metrics.recordFailed(delivery.type());
            finish(delivery, "failed");
            return;
        }
        PushMessage message = new PushMessage(delivery.deliveryId(), delivery.subscriptionId(), delivery.type(),
                delivery.deviceId(), delivery.authorization(), delivery.user(), delivery.tag(), delivery.message(),
                delivery.properties(),
                formatting.resolve(delivery.providerName(), channel.get().section(), delivery.tag()));
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
            metrics.recordSent(type, Duration.between(delivery.createdAt(), clock.instant()));
            finish(delivery, "sent");
        } else if (result instanceof PushResult.Rejected rejected) {
            metrics.recordRejected(type);
            LOG.warn("The push service reported device, specified in subscription [{}] to be unreachable,"
                    + " subscription will be removed", delivery.subscriptionId());
            LOG.debug("Rejection of delivery {}: {}", delivery.deliveryId(), rejected.reason());
            scheduler.execute(() -> removeSubscription(delivery.subscriptionId()));
            finish(delivery, "rejected");
        } else if (result instanceof PushResult.Failed failed) {
            metrics.recordFailed(type);
            LOG.warn("Push {} to subscription [{}] failed for good: {}", delivery.deliveryId(),
                    delivery.subscriptionId(), failed.reason());
            finish(delivery, "failed");
        }
    }

    private void retryLater(OutboxDelivery delivery, Throwable error) {
        int attempts = delivery.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            metrics.recordFailed(delivery.type());
            LOG.warn("Push {} to subscription [{}] failed after {} attempts: {}", delivery.deliveryId(),
                    delivery.subscriptionId(), attempts, error.getMessage());
            finish(delivery, "failed");
            return;
        }
        metrics.recordRetried(delivery.type());
        Duration wait = settings.backoff(attempts);
        if (error instanceof TransientPushException transientError && transientError.retryAfter().isPresent()) {
            Duration asked = transientError.retryAfter().get();
            wait = asked.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : asked;
        }
        LOG.debug("Push {} attempt {} failed ({}), next in {} ms", delivery.deliveryId(), attempts,
                error.getMessage(), wait.toMillis());
        Instant next = clock.instant().plus(wait);
        OutboxDelivery retried = delivery.withAttempts(attempts, next);
        Duration pause = wait;
        outbox.extendLease(delivery, settings.nodeId(), seconds(settings.lease().plus(wait)))
                .thenCompose(done -> outbox.recordAttempt(delivery, attempts, next, seconds(settings.retention())))
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        // the lease lapses and another scan resumes the delivery
                        LOG.warn("Cannot record the retry of push {}: {}", delivery.deliveryId(), failure.toString());
                        inFlight.remove(delivery.deliveryId());
                        return;
                    }
                    if (!closed) {
                        scheduler.schedule(() -> dispatch(retried), pause.toMillis(), TimeUnit.MILLISECONDS);
                    }
                });
    }

    /** Queues the outcome; {@link #flushOutcomes} writes queued outcomes in one batch per partition. */
    private void finish(OutboxDelivery delivery, String outcome) {
        outcomes.add(new Outcome(delivery, outcome));
    }

    private void flushOutcomes() {
        writeOutcomes();
        if (outcomes.size() >= OUTCOME_BATCH) {
            scheduler.execute(this::flushOutcomes);
        }
    }

    /** Writes up to one batch of queued outcomes. */
    private CompletableFuture<Void> writeOutcomes() {
        List<OutboxDelivery> deliveries = new ArrayList<>();
        List<String> results = new ArrayList<>();
        Outcome next;
        while (deliveries.size() < OUTCOME_BATCH && (next = outcomes.poll()) != null) {
            deliveries.add(next.delivery());
            results.add(next.outcome());
        }
        if (deliveries.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return outbox.finishAll(deliveries, results, seconds(settings.retention())).toCompletableFuture()
                .whenComplete((done, error) -> {
                    deliveries.forEach(delivery -> inFlight.remove(delivery.deliveryId()));
                    if (error != null) {
                        // unrecorded outcomes: the leases lapse and the pushes are sent again (receivers dedupe by id)
                        LOG.warn("Cannot record the outcome of {} pushes: {}", deliveries.size(), error.toString());
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

    /** One pass over the recent outbox partitions; public for tests and tools. */
    public int scan() {
        Instant now = clock.instant();
        int claimed = 0;
        for (long bucket = bucket(now.minus(settings.scanWindow())); bucket <= bucket(now); bucket++) {
            for (int shard = 0; shard < settings.shards() && !closed; shard++) {
                String partition = bucket + "/" + shard;
                if (settled.contains(partition)) {
                    continue;
                }
                List<OutboxDelivery> pending = outbox.pending(bucket, shard).toCompletableFuture().join();
                if (pending.isEmpty() && bucket < bucket(now) - 1) {
                    // a past minute receives no new rows: once all its rows are done it never needs a read again
                    settled.add(partition);
                }
                for (OutboxDelivery delivery : pending) {
                    if (delivery.owner() != null || inFlight.contains(delivery.deliveryId())
                            || delivery.notBefore().isAfter(now)) {
                        continue;
                    }
                    if (outbox.claim(delivery, settings.nodeId(), seconds(settings.lease()))
                            .toCompletableFuture().join()) {
                        LOG.debug("Took over push {} (attempt {})", delivery.deliveryId(), delivery.attempts() + 1);
                        claimed++;
                        dispatch(delivery);
                    }
                }
            }
        }
        long oldest = bucket(now.minus(settings.scanWindow()));
        settled.removeIf(partition -> Long.parseLong(partition.substring(0, partition.indexOf('/'))) < oldest);
        return claimed;
    }

    private void scanQuietly() {
        if (closed) {
            return;
        }
        try {
            scan();
        } catch (RuntimeException e) {
            LOG.warn("Push outbox scan failed, next one in {} ms: {}", settings.scanPeriod().toMillis(), e.toString());
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

    private static int seconds(Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toSeconds()));
    }
}
