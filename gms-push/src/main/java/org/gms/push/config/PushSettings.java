package org.gms.push.config;

import org.gms.core.config.ConfigView;

/**
 * What push reads at start ({@code [push]} changes apply after a restart, as in GMS): the providers and their
 * channels, the outgoing HTTP settings and the delivery attempts.
 */
public record PushSettings(PushConfiguration configuration, HttpSettings http, int deliveryMaxAttempts) {

    public static PushSettings from(ConfigView config) {
        return new PushSettings(PushConfiguration.from(config), HttpSettings.from(config),
                config.intValue(PushConfiguration.SECTION, "delivery-max-attempts"));
    }
}
