package org.gms.push.engine;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gms.core.config.ConfigView;
import org.gms.push.api.CometDelivery;
import org.gms.push.api.PushProvider;
import org.gms.push.config.Channel;
import org.gms.push.config.HttpSettings;
import org.gms.push.config.PushConfiguration;
import org.gms.push.config.PushTypes;
import org.gms.push.provider.apns.ApnsProvider;
import org.gms.push.provider.apns.ApnsSettings;
import org.gms.push.provider.comet.CometProvider;
import org.gms.push.provider.customhttp.CustomHttpProvider;
import org.gms.push.provider.customhttp.CustomHttpSettings;
import org.gms.push.provider.fcm.FcmProvider;
import org.gms.push.provider.fcm.FcmSettings;
import org.gms.push.provider.http.HttpSender;
import org.gms.push.provider.httpcb.HttpCallbackProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates one sender per enabled channel at start; a channel whose sender cannot be created is disabled. */
public final class ProviderRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);
    private final Map<Channel, PushProvider> providers = new LinkedHashMap<>();
    private final HttpSender http;

    public ProviderRegistry(PushConfiguration configuration, HttpSettings httpSettings, CometDelivery comet,
                            Clock clock) {
        http = new HttpSender(httpSettings);
        for (Map<String, Channel> channels : configuration.channels().values()) {
            for (Channel channel : channels.values()) {
                try {
                    providers.put(channel, create(channel, configuration.source(), httpSettings, comet, clock));
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

    private PushProvider create(Channel channel, ConfigView config, HttpSettings httpSettings, CometDelivery comet,
                                Clock clock) {
        return switch (channel.type()) {
            case PushTypes.COMET -> new CometProvider(comet);
            case PushTypes.CUSTOM_HTTP -> new CustomHttpProvider(CustomHttpSettings.from(channel), http);
            case PushTypes.HTTP_CALLBACK, PushTypes.ORS_CALLBACK -> new HttpCallbackProvider(channel.type(), http);
            case PushTypes.IOS -> new ApnsProvider(ApnsSettings.from(channel, config.home()), httpSettings, clock);
            case PushTypes.FCM -> FcmProvider.of(FcmSettings.from(channel, config), http, clock);
            default -> throw new IllegalArgumentException("unknown push type " + channel.type());
        };
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
