package org.gms.push;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gms.push.apns.ApnsProvider;
import org.gms.push.comet.CometDelivery;
import org.gms.push.comet.CometProvider;
import org.gms.push.customhttp.CustomHttpProvider;
import org.gms.push.fcm.FcmProvider;
import org.gms.push.fcm.ServiceAccount;
import org.gms.push.http.HttpSender;
import org.gms.push.httpcb.HttpCallbackProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates one sender per enabled channel at start; a channel whose sender cannot be created is disabled. */
public final class ProviderRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);
    private final Map<Channel, PushProvider> providers = new LinkedHashMap<>();
    private final HttpSender http;

    public ProviderRegistry(PushConfiguration configuration, HttpSettings httpSettings, CometDelivery comet, Path home,
                            Clock clock) {
        http = new HttpSender(httpSettings);
        for (Map<String, Channel> channels : configuration.channels().values()) {
            for (Channel channel : channels.values()) {
                try {
                    providers.put(channel, create(channel, configuration.source(), httpSettings, comet, home, clock));
                } catch (RuntimeException e) {
                    LOG.error("NotificationProviderFactory: error creating the sender for [{}] corresponding push will"
                            + " be disabled, reason: [{}]", describe(channel), e.getMessage());
                }
            }
        }
    }

    public Optional<PushProvider> provider(Channel channel) {
        return Optional.ofNullable(providers.get(channel));
    }

    private PushProvider create(Channel channel, ConfigSource source, HttpSettings httpSettings, CometDelivery comet,
                                Path home, Clock clock) {
        return switch (channel.type()) {
            case PushTypes.COMET -> new CometProvider(comet);
            case PushTypes.CUSTOM_HTTP -> new CustomHttpProvider(channel, http);
            case PushTypes.HTTP_CALLBACK, PushTypes.ORS_CALLBACK -> new HttpCallbackProvider(channel.type(), http);
            case PushTypes.IOS -> new ApnsProvider(channel, httpSettings, home, clock);
            case PushTypes.FCM -> fcm(channel, source, home, clock);
            default -> throw new IllegalArgumentException("unknown push type " + channel.type());
        };
    }

    private PushProvider fcm(Channel channel, ConfigSource source, Path home, Clock clock) {
        String endpoint = channel.option("fcm.endpoint", FcmProvider.DEFAULT_ENDPOINT);
        String serviceAccount = channel.option("fcm.serviceAccount");
        if (!serviceAccount.isEmpty()) {
            return FcmProvider.v1(http, endpoint, ServiceAccount.read(home.resolve(serviceAccount)), clock);
        }
        String apiKey = channel.option("fcm.apiKey");
        if (apiKey.isEmpty()) {
            // fcm=<section>: the key is that section's password, as in GMS
            apiKey = source.section(channel.option("fcm")).getOrDefault("password", "").trim();
        }
        if (apiKey.isEmpty()) {
            throw new IllegalArgumentException("no server key in section [" + channel.option("fcm") + "]");
        }
        return FcmProvider.legacy(http, endpoint, apiKey);
    }

    private static String describe(Channel channel) {
        return (channel.debug() ? "debug." : "") + channel.type()
                + (channel.providerName().isEmpty() ? "" : "@" + channel.providerName());
    }

    @Override
    public void close() {
        providers.values().forEach(PushProvider::close);
        http.close();
    }
}
