package org.gms.push.provider.customhttp;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.gms.push.api.PushMessage;
import org.gms.push.api.PushProvider;
import org.gms.push.api.PushResult;
import org.gms.push.config.PushTypes;
import org.gms.push.provider.http.HttpSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code customhttp}: POST {@code {"deviceId","message"}} to {@code customhttp.url}. */
public final class CustomHttpProvider implements PushProvider {

    private static final Logger LOG = LoggerFactory.getLogger(CustomHttpProvider.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpSender http;
    private final URI url;

    public CustomHttpProvider(CustomHttpSettings settings, HttpSender http) {
        this.http = http;
        this.url = settings.url();
    }

    @Override
    public String type() {
        return PushTypes.CUSTOM_HTTP;
    }

    @Override
    public CompletableFuture<PushResult> send(PushMessage message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("deviceId", message.deviceId());
        body.put("message", message.message());
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return CompletableFuture.completedFuture(PushResult.failed("Cannot render the message: " + e));
        }
        return http.postJson(url, Map.of("X-GMS-Delivery-Id", message.deliveryId().toString()), json)
                .thenApply(answer -> {
                    PushResult result = answer.toResult(url.toString());
                    if (result instanceof PushResult.Rejected) {
                        LOG.warn("url [{}] is reported to be invalid -> target unreachable", url);
                    } else if (result instanceof PushResult.Failed) {
                        LOG.warn("Error after sending message to [{}]: HTTP {}", url, answer.status());
                    }
                    return result;
                });
    }
}
