package org.gms.storage.push;

import java.time.Instant;
import java.util.Map;

/**
 * One subscription as stored.
 *
 * @param id            subscription id (a UUID)
 * @param filter        event-tag filter: exact, or a prefix ending with {@code *}
 * @param subscriberId  the client's own id
 * @param user          the {@code gms_user} header of the subscribe request ({@code ""} when absent)
 * @param providerName  named provider ({@code ""}: the {@code [push]} defaults)
 * @param type          push type (comet, customhttp, httpcb, orscb, fcm, ios)
 * @param deviceId      device token, custom id or callback URL, depending on the type
 * @param properties    {@code notificationDetails.properties} (debug, language, ...)
 * @param authorization value of the Authorization header for HTTP callbacks ({@code ""} when none)
 * @param createdAt     creation time
 * @param expiresAt     end of life; never delivered to after it
 */
public record StoredSubscription(String id, String filter, String subscriberId, String user, String providerName,
                                 String type, String deviceId, Map<String, String> properties, String authorization,
                                 Instant createdAt, Instant expiresAt) {

    public StoredSubscription {
        properties = Map.copyOf(properties);
    }

    public boolean isLive(Instant now) {
        return expiresAt.isAfter(now);
    }

    public StoredSubscription withExpiry(Instant newExpiry) {
        return new StoredSubscription(id, filter, subscriberId, user, providerName, type, deviceId, properties,
                authorization, createdAt, newExpiry);
    }
}
