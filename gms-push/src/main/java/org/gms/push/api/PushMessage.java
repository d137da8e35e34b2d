package org.gms.push.api;

import java.util.Map;
import java.util.UUID;

/**
 * What a provider sends: one message to one subscription.
 *
 * @param deliveryId     idempotency key of the delivery (sent as {@code X-GMS-Delivery-Id} or {@code apns-id})
 * @param subscriptionId target subscription
 * @param type           push type
 * @param deviceId       token, custom id or callback URL
 * @param authorization  Authorization header for HTTP callbacks ({@code ""} when none)
 * @param user           {@code gms_user} of the subscription
 * @param tag            event tag
 * @param message        message text
 * @param properties     subscription properties merged with the publish's details
 * @param formatting     OS formatting options resolved for this provider and event (apple.*, fcm.title, fcm.body)
 */
public record PushMessage(UUID deliveryId, String subscriptionId, String type, String deviceId, String authorization,
                          String user, String tag, String message, Map<String, String> properties,
                          Map<String, String> formatting) {

    public PushMessage {
        properties = Map.copyOf(properties);
        formatting = Map.copyOf(formatting);
    }

    public boolean debug() {
        return Boolean.parseBoolean(properties.getOrDefault("debug", "false"));
    }
}
