package org.gms.push.provider.fcm;

import java.nio.file.Path;
import java.util.Optional;
import org.gms.core.config.ConfigView;
import org.gms.push.config.Channel;
import org.gms.push.config.PushOptions;

/**
 * The options of one FCM channel: the endpoint, and either a service account (HTTP v1) or a legacy server key,
 * given as {@code fcm.apiKey} or, as in GMS, as {@code fcm=<section>} naming a section that holds {@code password}.
 */
public record FcmSettings(String endpoint, Optional<Path> serviceAccount, String apiKey) {

    public static FcmSettings from(Channel channel, ConfigView config) {
        String serviceAccount = channel.option("fcm.serviceAccount");
        String apiKey = channel.option("fcm.apiKey");
        if (serviceAccount.isEmpty() && apiKey.isEmpty()) {
            apiKey = config.rawSection(channel.option("fcm")).getOrDefault("password", "").trim();
            if (apiKey.isEmpty()) {
                throw new IllegalArgumentException("no server key in section [" + channel.option("fcm") + "]");
            }
        }
        return new FcmSettings(channel.option("fcm.endpoint", PushOptions.DEFAULT_FCM_ENDPOINT),
                serviceAccount.isEmpty() ? Optional.empty() : Optional.of(config.home().resolve(serviceAccount)),
                apiKey);
    }

    @Override
    public String toString() {
        // the generated toString would print the server key
        return "FcmSettings[endpoint=" + endpoint + ", serviceAccount=" + serviceAccount + "]";
    }
}
