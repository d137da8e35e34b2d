package org.gms.push.provider.comet;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.gms.push.api.CometDelivery;
import org.gms.push.api.PushMessage;
import org.gms.push.api.PushProvider;
import org.gms.push.api.PushResult;
import org.gms.push.api.TransientPushException;
import org.gms.push.config.PushTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code comet}: {@code {"id","tag","message"}} to the CometD sessions of the subscription's user. */
public final class CometProvider implements PushProvider {

    private static final Logger LOG = LoggerFactory.getLogger(CometProvider.class);
    private final CometDelivery delivery;

    public CometProvider(CometDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public String type() {
        return PushTypes.COMET;
    }

    @Override
    public CompletableFuture<PushResult> send(PushMessage message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", message.subscriptionId());
        data.put("tag", message.tag());
        data.put("message", message.message());
        return delivery.deliver(message.user(), data).handle((sessions, error) -> {
            if (error != null) {
                LOG.warn("Error sending message through Comet: {}", error.toString());
                throw new TransientPushException("Error sending message through Comet: " + error, error);
            }
            LOG.debug("Comet notification {} reached {} session(s) of user [{}]", message.deliveryId(), sessions,
                    message.user());
            return PushResult.sent();
        });
    }
}
