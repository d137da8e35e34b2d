package org.gms.push.config;

import java.time.Duration;
import org.gms.core.config.ConfigView;

/** The {@code [notification]} options that apply at once: how long a deleted subscription still receives pushes. */
public record NotificationSettings(Duration unsubscribeDelay) {

    public static NotificationSettings from(ConfigView config) {
        return new NotificationSettings(Duration.ofSeconds(config.intValue("notification", "unsubscribe-delay")));
    }
}
