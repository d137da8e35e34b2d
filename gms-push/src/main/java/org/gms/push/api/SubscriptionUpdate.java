package org.gms.push.api;

import java.util.Map;

/**
 * Changes to a subscription; {@code null} fields keep their value.
 *
 * @param expire        new lifetime in seconds from now
 * @param deviceId      new device id
 * @param properties    new properties (replace the old ones)
 * @param authorization new Authorization header value
 */
public record SubscriptionUpdate(Integer expire, String deviceId, Map<String, String> properties,
                                 String authorization) {
}
