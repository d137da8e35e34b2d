package org.gms.push.provider.httpcb;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.gms.push.api.PushMessage;
import org.gms.push.api.PushProvider;
import org.gms.push.api.PushResult;
import org.gms.push.provider.http.HttpSender;
import org.gms.push.provider.http.LoggedUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code httpcb} and {@code orscb}: POST {@code {"id","tag","message","deviceId"}} to the URL given as the
 * subscription's {@code deviceId}, with its {@code authorization} as the {@code Authorization} header.
 */
public final class HttpCallbackProvider implements PushProvider {

    private static final Logger LOG = LoggerFactory.getLogger(HttpCallbackProvider.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String type;
    private final HttpSender http;

    public HttpCallbackProvider(String type, HttpSender http) {
        this.type = type;
        this.http = http;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public CompletableFuture<PushResult> send(PushMessage message) {
        URI url;
        try {
            url = URI.create(message.deviceId());
            if (url.getScheme() == null || !url.getScheme().startsWith("http") || url.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("url , passed as deviceId ({}) is reported to be invalid -> target unreachable",
                    LoggedUrl.of(message.deviceId()));
            return CompletableFuture.completedFuture(PushResult.rejected("Invalid URL"));
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("id", message.subscriptionId());
        body.put("tag", message.tag());
        body.put("message", message.message());
        body.put("deviceId", message.deviceId());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-GMS-Delivery-Id", message.deliveryId().toString());
        if (!message.authorization().isBlank()) {
            headers.put("Authorization", message.authorization());
        }
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return CompletableFuture.completedFuture(PushResult.failed("Cannot render the message: " + e));
        }
        URI target = url;
        return http.postJson(target, headers, json).thenApply(answer -> {
            String logged = LoggedUrl.of(target.toString());
            PushResult result = answer.toResult(logged);
            if (result instanceof PushResult.Rejected) {
                LOG.warn("url , passed as deviceId ({}) is reported to be invalid -> target unreachable", logged);
            } else if (result instanceof PushResult.Failed) {
                LOG.warn("Error after sending message to [{}]: HTTP {}", logged, answer.status());
            }
            return result;
        });
    }
}
