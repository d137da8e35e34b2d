package org.gms.push.provider.apns;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.gms.push.config.Channel;
import org.gms.push.config.PushOptions;

/**
 * The options of one APNs channel: the endpoint (the sandbox for a debug channel unless set), the topic, and either
 * a {@code .p8} token key ({@code apple.authKey}, {@code apple.keyId}, {@code apple.teamId}) or a {@code .p12}/JKS
 * client certificate ({@code apple.keystore}, {@code apple.keystorePassword}). Paths resolve against the installation.
 */
public record ApnsSettings(String endpoint, String topic, Optional<Path> authKey, String keyId, String teamId,
                           Optional<Path> keystore, String keystorePassword, String keystoreType) {

    public static ApnsSettings from(Channel channel, Path home) {
        String authKey = channel.option("apple.authKey");
        String keystore = channel.option("apple.keystore");
        String endpoint = channel.option("apple.endpoint",
                channel.debug() ? PushOptions.APNS_SANDBOX : PushOptions.DEFAULT_APNS_ENDPOINT);
        return new ApnsSettings(endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint,
                channel.option("apple.topicName"),
                authKey.isEmpty() ? Optional.empty() : Optional.of(home.resolve(authKey)),
                channel.option("apple.keyId"), channel.option("apple.teamId"),
                keystore.isEmpty() ? Optional.empty() : Optional.of(home.resolve(keystore)),
                channel.options().getOrDefault("apple.keystorePassword", ""),
                keystore.toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12");
    }

    @Override
    public String toString() {
        // the generated toString would print the keystore password
        return "ApnsSettings[endpoint=" + endpoint + ", topic=" + topic + ", token=" + authKey.isPresent() + "]";
    }
}
