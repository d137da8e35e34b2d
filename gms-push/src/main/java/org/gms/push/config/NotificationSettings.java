package org.gms.push.config;

import java.time.Duration;
import org.gms.core.config.ConfigView;

/**
 * The notification options that apply at once: how long a deleted subscription still receives pushes, and where a
 * subscriber's callback URL may point.
 */
public record NotificationSettings(Duration unsubscribeDelay, CallbackUrlPolicy callbackUrls) {

    public static NotificationSettings from(ConfigView config) {
        return new NotificationSettings(Duration.ofSeconds(config.intValue("notification", "unsubscribe-delay")),
                CallbackUrlPolicy.from(config));
    }
}
