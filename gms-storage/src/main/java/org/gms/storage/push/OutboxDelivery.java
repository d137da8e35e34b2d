package org.gms.storage.push;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One push to one subscription, recorded before the publish is acknowledged.
 *
 * @param stream                the engine incarnation that recorded it: with the bucket, the partition
 * @param bucket                time bucket of creation
 * @param part                  the outbox row (part of a publish) holding it; {@code null} until recorded
 * @param slot                  its position among the targets of that row ({@code -1} until recorded)
 * @param deliveryId            idempotency key, sent to receivers that can use it
 * @param subscriptionId        target subscription
 * @param providerName          named provider ({@code ""}: defaults)
 * @param type                  push type
 * @param deviceId              token, custom id or URL
 * @param properties            subscription properties merged with the publish's own details
 * @param authorization         Authorization header for HTTP callbacks
 * @param user                  {@code gms_user} of the subscription (comet)
 * @param tag                   event tag of the publish
 * @param message               message text, already localized
 * @param subscriptionExpiresAt the subscription's expiry at publish time: never delivered after it
 * @param createdAt             publish time
 * @param attempts              transient failures so far
 * @param notBefore             earliest time of the next attempt
 */
public record OutboxDelivery(String stream, long bucket, UUID part, int slot, UUID deliveryId, String subscriptionId,
                             String providerName, String type, String deviceId, Map<String, String> properties,
                             String authorization, String user, String tag, String message,
                             Instant subscriptionExpiresAt, Instant createdAt, int attempts, Instant notBefore) {

    public OutboxDelivery {
        properties = Map.copyOf(properties);
    }

    /** A delivery not yet recorded. */
    public static OutboxDelivery of(UUID deliveryId, String subscriptionId, String providerName, String type,
                                    String deviceId, Map<String, String> properties, String authorization,
                                    String user, String tag, String message, Instant subscriptionExpiresAt,
                                    Instant createdAt) {
        return new OutboxDelivery("", 0, null, -1, deliveryId, subscriptionId, providerName, type, deviceId, properties,
                authorization, user, tag, message, subscriptionExpiresAt, createdAt, 0, createdAt);
    }

    /** The same delivery, placed in an outbox row. */
    public OutboxDelivery in(String newStream, long newBucket, UUID newPart, int newSlot) {
        return new OutboxDelivery(newStream, newBucket, newPart, newSlot, deliveryId, subscriptionId, providerName, type,
                deviceId, properties, authorization, user, tag, message, subscriptionExpiresAt, createdAt, attempts,
                notBefore);
    }

    public OutboxDelivery withAttempts(int newAttempts, Instant newNotBefore) {
        return new OutboxDelivery(stream, bucket, part, slot, deliveryId, subscriptionId, providerName, type, deviceId,
                properties, authorization, user, tag, message, subscriptionExpiresAt, createdAt, newAttempts,
                newNotBefore);
    }
}
