package org.gms.push.api;

import java.util.Map;

/**
 * A subscription request, as the REST body or the chat/callback engines give it.
 *
 * @param user          {@code gms_user} header ({@code ""} when absent)
 * @param subscriberId  mandatory
 * @param providerName  named provider, {@code ""} for the {@code [push]} defaults
 * @param deviceId      {@code notificationDetails.deviceId}
 * @param type          {@code notificationDetails.type}
 * @param properties    {@code notificationDetails.properties}
 * @param authorization Authorization header value for HTTP callbacks
 * @param expire        lifetime in seconds, {@code null} for {@code [push] defaultSubscriptionExpiration}
 * @param filter        mandatory event-tag filter (exact, or prefix ending with {@code *})
 */
public record SubscribeRequest(String user, String subscriberId, String providerName, String deviceId, String type,
                               Map<String, String> properties, String authorization, Integer expire, String filter) {

    public SubscribeRequest {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
