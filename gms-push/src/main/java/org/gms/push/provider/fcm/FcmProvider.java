package org.gms.push.provider.fcm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.gms.push.api.PushMessage;
import org.gms.push.api.PushProvider;
import org.gms.push.api.PushResult;
import org.gms.push.api.TransientPushException;
import org.gms.push.config.PushTypes;
import org.gms.push.provider.http.HttpAnswer;
import org.gms.push.provider.http.HttpSender;

/**
 * {@code fcm}: Firebase Cloud Messaging HTTP v1 with a service account ({@code fcm.serviceAccount}), or the legacy
 * server-key API ({@code fcm.apiKey}, or {@code fcm=<section>} holding {@code password}) for old setups. Title and
 * body come from {@code fcm.title} / {@code fcm.body} (the body defaults to the message).
 */
public final class FcmProvider implements PushProvider {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpSender http;
    private final String endpoint;
    private final AccessTokens tokens;
    private final ServiceAccount account;
    private final String apiKey;

    private FcmProvider(HttpSender http, String endpoint, ServiceAccount account, String apiKey, Clock clock) {
        this.http = http;
        this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        this.account = account;
        this.tokens = account == null ? null : new AccessTokens(account, http, clock);
        this.apiKey = apiKey;
    }

    public static FcmProvider v1(HttpSender http, String endpoint, ServiceAccount account, Clock clock) {
        return new FcmProvider(http, endpoint, account, null, clock);
    }

    public static FcmProvider legacy(HttpSender http, String endpoint, String apiKey, Clock clock) {
        return new FcmProvider(http, endpoint, null, apiKey, clock);
    }

    /** The provider a channel's settings call for: HTTP v1 with a service account, else the legacy key. */
    public static FcmProvider of(FcmSettings settings, HttpSender http, Clock clock) {
        return settings.serviceAccount().isPresent()
                ? v1(http, settings.endpoint(), ServiceAccount.read(settings.serviceAccount().get()), clock)
                : legacy(http, settings.endpoint(), settings.apiKey(), clock);
    }

    @Override
    public String type() {
        return PushTypes.FCM;
    }

    @Override
    public CompletableFuture<PushResult> send(PushMessage message) {
        return account != null ? sendV1(message) : sendLegacy(message);
    }

    private CompletableFuture<PushResult> sendV1(PushMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", message.deviceId());
        body.put("notification", notification(message));
        body.put("data", data(message));
        String json = render(Map.of("message", body));
        URI uri = URI.create(endpoint + "/v1/projects/" + account.projectId() + "/messages:send");
        return tokens.token().thenCompose(token -> http.postJson(uri, Map.of("Authorization", "Bearer " + token), json))
                .thenApply(this::v1Result);
    }

    private PushResult v1Result(HttpAnswer answer) {
        if (answer.isSuccess()) {
            return PushResult.sent();
        }
        String status = "";
        String errorCode = "";
        String text = "";
        try {
            JsonNode error = JSON.readTree(answer.body()).path("error");
            status = error.path("status").asText("");
            text = error.path("message").asText("");
            for (JsonNode detail : error.path("details")) {
                if (detail.has("errorCode")) {
                    errorCode = detail.path("errorCode").asText();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            // an unreadable error body is classified by its status alone
        }
        if (answer.isTransient()) {
            throw answer.transientFailure("FCM");
        }
        if (answer.status() == 401) {
            tokens.invalidate();
            throw new TransientPushException("FCM refused the access token", (Throwable) null);
        }
        boolean invalidArgument = "INVALID_ARGUMENT".equals(errorCode) || "INVALID_ARGUMENT".equals(status);
        // INVALID_ARGUMENT also answers a bad message (too large, bad field): only a bad token removes the device
        boolean badToken = invalidArgument && text.toLowerCase(java.util.Locale.ROOT).contains("registration token");
        if ("UNREGISTERED".equals(errorCode) || answer.status() == 404 || badToken) {
            return PushResult.rejected("FCM " + (errorCode.isEmpty() ? status : errorCode));
        }
        return PushResult.failed("FCM HTTP " + answer.status() + " " + (errorCode.isEmpty() ? status : errorCode));
    }

    private CompletableFuture<PushResult> sendLegacy(PushMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", message.deviceId());
        body.put("notification", notification(message));
        body.put("data", data(message));
        return http.postJson(URI.create(endpoint + "/fcm/send"), Map.of("Authorization", "key=" + apiKey),
                render(body)).thenApply(answer -> {
                    if (answer.isTransient()) {
                        throw answer.transientFailure("FCM");
                    }
                    if (!answer.isSuccess()) {
                        return PushResult.failed("FCM HTTP " + answer.status());
                    }
                    String error = "";
                    try {
                        error = JSON.readTree(answer.body()).path("results").path(0).path("error").asText("");
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        return PushResult.sent();
                    }
                    return switch (error) {
                        case "" -> PushResult.sent();
                        case "NotRegistered", "InvalidRegistration", "MissingRegistration" ->
                                PushResult.rejected("FCM " + error);
                        case "Unavailable", "InternalServerError" ->
                                throw new TransientPushException("FCM " + error, answer.retryAfterDuration().orElse(null));
                        default -> PushResult.failed("FCM " + error);
                    };
                });
    }

    private static Map<String, String> notification(PushMessage message) {
        Map<String, String> notification = new LinkedHashMap<>();
        String title = message.formatting().getOrDefault("fcm.title", "");
        if (!title.isBlank()) {
            notification.put("title", title);
        }
        notification.put("body", message.formatting().getOrDefault("fcm.body", message.message()));
        return notification;
    }

    private static Map<String, String> data(PushMessage message) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("id", message.subscriptionId());
        data.put("tag", message.tag());
        data.put("message", message.message());
        return data;
    }

    private static String render(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot render an FCM message", e);
        }
    }
}
