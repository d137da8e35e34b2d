package org.gms.push.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.gms.core.error.BadRequestException;
import org.gms.core.error.ForbiddenException;
import org.gms.core.error.NotFoundException;
import org.gms.core.error.PayloadTooLargeException;
import org.gms.push.api.PublishRequest;
import org.gms.push.api.SubscribeRequest;
import org.gms.push.api.SubscriptionUpdate;
import org.gms.push.config.Localization;
import org.gms.push.config.NotificationSettings;
import org.gms.push.config.PushConfiguration;
import org.gms.push.config.PushTypes;
import org.gms.storage.push.OutboxDelivery;
import org.gms.storage.push.StoredSubscription;
import org.gms.storage.push.SubscriptionDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification API in process: subscribe, get, update, unsubscribe, publish. Used by the REST servlets and by the
 * callback and chat engines. Expired subscriptions are never returned nor delivered to (stored-expiry check); their
 * rows disappear with their TTL.
 */
public final class NotificationService {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

    /** Cassandra's longest TTL (20 years). */
    static final int MAX_EXPIRE = 630_720_000;
    /** Longest tag or filter: a publish reads one index partition per prefix of its tag. */
    static final int MAX_TAG = 512;
    /** Longest device id (tokens, callback URLs). */
    static final int MAX_DEVICE_ID = 4096;
    /** Longest message: far above what APNs (4 KB) or FCM (4 KB) carry, and within one outbox write. */
    static final int MAX_MESSAGE = 64 * 1024;

    private final SubscriptionDao subscriptions;
    private final PushConfiguration configuration;
    private final Localization localization;
    private final PushEngine engine;
    private final Clock clock;
    private final Supplier<NotificationSettings> settings;
    /** Wildcard prefix lengths seen in storage: they are never removed, so this only grows. */
    private final Set<Integer> knownLengths = ConcurrentHashMap.newKeySet();

    public NotificationService(SubscriptionDao subscriptions, PushConfiguration configuration,
                               Localization localization, PushEngine engine, Clock clock,
                               Supplier<NotificationSettings> settings) {
        this.subscriptions = subscriptions;
        this.configuration = configuration;
        this.localization = localization;
        this.engine = engine;
        this.clock = clock;
        this.settings = settings;
    }

    /** Validates and stores a subscription; returns its id. */
    public String subscribe(SubscribeRequest request) {
        String subscriberId = mandatory(request.subscriberId(), "subscriberId");
        String filter = limited(mandatory(request.filter(), "filter"), "filter", MAX_TAG);
        String type = mandatory(request.type(), "notificationDetails.type").toLowerCase(java.util.Locale.ROOT);
        String provider = request.providerName() == null ? "" : request.providerName().trim();
        String deviceId = limited(request.deviceId() == null ? "" : request.deviceId().trim(),
                "notificationDetails.deviceId", MAX_DEVICE_ID);
        checkChannel(provider, type, request.properties());
        if (deviceId.isEmpty() && !type.equals(PushTypes.COMET)) {
            throw new BadRequestException("Mandatory parameter [notificationDetails.deviceId] is missing");
        }
        if ((type.equals(PushTypes.HTTP_CALLBACK) || type.equals(PushTypes.ORS_CALLBACK))
                && !deviceId.matches("(?i)https?://.+")) {
            throw new BadRequestException("notificationDetails.deviceId must be the http(s) URL of the callback for"
                    + " push type [" + type + "]");
        }
        int expire = expire(request.expire());
        Instant now = clock.instant();
        StoredSubscription subscription = new StoredSubscription(UUID.randomUUID().toString(), filter.trim(),
                subscriberId, request.user() == null ? "" : request.user(), provider, type, deviceId,
                request.properties(), request.authorization() == null ? "" : request.authorization(), now,
                now.plusSeconds(expire));
        subscriptions.save(subscription, expire);
        return subscription.id();
    }

    /**
     * Refuses (400) the callback URL a subscriber gives for {@code httpcb}/{@code orscb} when the
     * {@link org.gms.push.config.CallbackUrlPolicy} does not let it reach that address.
     */
    public void checkSubscriberUrl(String type, String deviceId) {
        String normalized = type == null ? "" : type.trim().toLowerCase(java.util.Locale.ROOT);
        if (deviceId == null || deviceId.isBlank() || !(normalized.equals(PushTypes.HTTP_CALLBACK)
                || normalized.equals(PushTypes.ORS_CALLBACK))) {
            return;
        }
        settings.get().callbackUrls().refusal(deviceId).ifPresent(reason -> {
            LOG.debug("Subscription refused: {}", reason);
            throw new BadRequestException(reason);
        });
    }

    /** A live subscription. */
    public Optional<StoredSubscription> get(String id) {
        return subscriptions.find(id).filter(subscription -> subscription.isLive(clock.instant()));
    }

    /**
     * A live subscription as its subscriber may see it: one made with a {@code gms_user} is bound to that user, as
     * storage custom ids are (a caller without the header gets 400, another user 403); one made without is open to
     * whoever has its id, as in GMS.
     */
    public StoredSubscription owned(String id, Optional<String> user) {
        StoredSubscription subscription = get(id).orElseThrow(() -> notFound(id));
        if (subscription.user().isEmpty()) {
            return subscription;
        }
        Optional<String> caller = user.filter(value -> !value.isBlank());
        if (caller.isEmpty()) {
            throw new BadRequestException("Header gms_user is required to access subscription [" + id + "]");
        }
        if (!caller.get().equals(subscription.user())) {
            LOG.debug("Subscription [{}] refused to another user", id);
            throw new ForbiddenException("Subscription [" + id + "] belongs to another user");
        }
        return subscription;
    }

    public StoredSubscription update(String id, Optional<String> user, SubscriptionUpdate update) {
        StoredSubscription current = owned(id, user);
        if (update.deviceId() != null && !update.deviceId().isBlank()) {
            checkSubscriberUrl(current.type(), update.deviceId());
        }
        Instant now = clock.instant();
        Instant expiresAt = update.expire() == null ? current.expiresAt() : now.plusSeconds(expire(update.expire()));
        Map<String, String> properties = update.properties() == null ? current.properties() : update.properties();
        checkChannel(current.providerName(), current.type(), properties);
        StoredSubscription updated = new StoredSubscription(current.id(), current.filter(), current.subscriberId(),
                current.user(), current.providerName(), current.type(),
                update.deviceId() == null || update.deviceId().isBlank() ? current.deviceId() : update.deviceId().trim(),
                properties, update.authorization() == null ? current.authorization() : update.authorization(),
                current.createdAt(), expiresAt);
        subscriptions.save(updated, (int) Math.max(1, expiresAt.getEpochSecond() - now.getEpochSecond()));
        return updated;
    }

    /**
     * Removes a subscription. With {@code [notification] unsubscribe-delay} N > 0 it stays deliverable N more seconds
     * (so pushes published just before still go out) and then expires.
     */
    public void unsubscribe(String id, Optional<String> user) {
        StoredSubscription current = owned(id, user);
        long delay = settings.get().unsubscribeDelay().toSeconds();
        if (delay <= 0) {
            subscriptions.delete(current);
            return;
        }
        Instant end = clock.instant().plusSeconds(delay);
        if (end.isBefore(current.expiresAt())) {
            subscriptions.save(current.withExpiry(end), (int) delay);
        }
    }

    /**
     * Records one delivery per live matching subscription in the outbox; completes with their number once they are
     * durable. Delivery happens afterwards.
     */
    public CompletableFuture<Integer> publish(PublishRequest request) {
        String tag = limited(mandatory(request.tag(), "tag"), "tag", MAX_TAG);
        String message = request.message() == null ? "" : request.message();
        if (message.length() > MAX_MESSAGE) {
            throw new PayloadTooLargeException("Parameter [message] is too long: at most " + MAX_MESSAGE
                    + " characters");
        }
        if (!request.mediaType().equals(PublishRequest.STRING)
                && !request.mediaType().equals(PublishRequest.LOCALIZE_STRING)) {
            throw new BadRequestException("Wrong value [" + request.mediaType()
                    + "] for mediaType: use string or localizestring");
        }
        Instant now = clock.instant();
        // the fan-out is built on the engine's threads, never on a storage driver I/O thread
        return matching(tag).toCompletableFuture().thenComposeAsync(found -> {
            List<OutboxDelivery> deliveries = new ArrayList<>();
            for (StoredSubscription subscription : found) {
                if (!subscription.isLive(now) || !TagFilter.matches(subscription.filter(), tag)) {
                    continue;
                }
                Map<String, String> properties = new LinkedHashMap<>(subscription.properties());
                properties.putAll(request.properties());
                String text = request.mediaType().equals(PublishRequest.LOCALIZE_STRING)
                        ? localization.localize(message, properties.get("language")) : message;
                deliveries.add(OutboxDelivery.of(UUID.randomUUID(), subscription.id(),
                        subscription.providerName(), subscription.type(), subscription.deviceId(), properties,
                        subscription.authorization(), subscription.user(), tag, text, subscription.expiresAt(), now));
            }
            return engine.record(deliveries).thenApply(written -> deliveries.size());
        }, engine.executor());
    }

    /**
     * The stored subscriptions whose filter can match the tag, in one read: the tag itself and its prefixes of the
     * wildcard lengths known here, with the lengths recorded in storage. Lengths recorded since (by any node) cost one
     * more read, for their prefixes only, and are known from then on.
     */
    private CompletionStage<List<StoredSubscription>> matching(String tag) {
        Set<Integer> known = Set.copyOf(knownLengths);
        return subscriptions.findByFilters(TagFilter.candidates(tag, known)).thenCompose(lookup -> {
            Set<Integer> added = new HashSet<>(lookup.wildcardPrefixLengths());
            added.removeAll(known);
            knownLengths.addAll(added);
            List<String> more = TagFilter.wildcards(tag, added);
            if (more.isEmpty()) {
                return CompletableFuture.completedFuture(lookup.subscriptions());
            }
            return subscriptions.findByFilters(more).thenApply(second -> {
                List<StoredSubscription> found = new ArrayList<>(lookup.subscriptions());
                found.addAll(second.subscriptions());
                return found;
            });
        });
    }

    private void checkChannel(String provider, String type, Map<String, String> properties) {
        if (!provider.isEmpty() && !configuration.hasProvider(provider)) {
            throw new BadRequestException("Push provider [" + provider + "] is not configured");
        }
        if (!configuration.enabledTypes().contains(type) || configuration.channel(provider, type, false).isEmpty()) {
            throw new BadRequestException("Push type [" + type + "] is not enabled"
                    + (provider.isEmpty() ? "" : " for provider [" + provider + "]"));
        }
        boolean debug = Boolean.parseBoolean(properties.getOrDefault("debug", "false"));
        if (debug && configuration.channel(provider, type, true).isEmpty()) {
            throw new BadRequestException("The debug channel of push type [" + type + "] is not configured");
        }
    }

    private int expire(Integer requested) {
        if (requested == null) {
            return configuration.defaultExpiration();
        }
        return Math.min(MAX_EXPIRE, Math.max(PushConfiguration.MINIMUM_EXPIRATION, requested));
    }

    private static String mandatory(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException("Mandatory parameter [" + name + "] is missing");
        }
        return value.trim();
    }

    private static String limited(String value, String name, int limit) {
        if (value.length() > limit) {
            throw new BadRequestException("Parameter [" + name + "] is too long: at most " + limit + " characters");
        }
        return value;
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("Subscription [" + id + "] not found");
    }
}
