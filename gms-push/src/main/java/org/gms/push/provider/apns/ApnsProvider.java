package org.gms.push.provider.apns;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.gms.push.api.PushMessage;
import org.gms.push.api.PushProvider;
import org.gms.push.api.PushResult;
import org.gms.push.api.TransientPushException;
import org.gms.push.config.HttpSettings;
import org.gms.push.config.PushTypes;
import org.gms.push.provider.http.HttpAnswer;
import org.gms.push.provider.http.JsonWebToken;
import org.gms.push.provider.http.Tls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ios}: APNs over HTTP/2 (TLS 1.2+, ALPN h2). Authenticates with the {@code .p12} certificate of GMS
 * ({@code apple.keystore}, {@code apple.keystorePassword}) or with a {@code .p8} token key ({@code apple.authKey},
 * {@code apple.keyId}, {@code apple.teamId}); {@code apple.topicName} is the {@code apns-topic}. The debug channel
 * defaults to the sandbox host.
 */
public final class ApnsProvider implements PushProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ApnsProvider.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TOKEN_LIFETIME_SECONDS = 50 * 60;

    private final HttpClient client;
    private final String endpoint;
    private final String topic;
    private final PrivateKey tokenKey;
    private final String keyId;
    private final String teamId;
    private final Clock clock;
    private String token;
    private Instant tokenIssuedAt = Instant.EPOCH;

    public ApnsProvider(ApnsSettings settings, HttpSettings http, Clock clock) {
        this.endpoint = settings.endpoint();
        this.topic = settings.topic();
        this.keyId = settings.keyId();
        this.teamId = settings.teamId();
        this.clock = clock;
        SslContextFactory.Client tls = Tls.clientContext(http);
        if (settings.authKey().isEmpty()) {
            tls.setKeyStorePath(settings.keystore().orElseThrow().toString());
            tls.setKeyStorePassword(settings.keystorePassword());
            tls.setKeyStoreType(settings.keystoreType());
            if (http.truststore() == null && !http.trustAll()) {
                // Jetty would otherwise trust the client keystore only; APNs needs the JVM's CA certificates
                tls.setTrustStorePath(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts")
                        .toString());
                tls.setTrustStorePassword("changeit");
            }
            tokenKey = null;
        } else {
            Path authKey = settings.authKey().get();
            try {
                tokenKey = JsonWebToken.privateKey(Files.readString(authKey, StandardCharsets.US_ASCII), "EC");
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("Cannot read apple.authKey " + authKey + ": " + e.getMessage(), e);
            }
        }
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(tls);
        connector.setConnectTimeout(http.connectTimeout());
        connector.setSelectors(1);
        client = new HttpClient(new HttpClientTransportOverHTTP2(new HTTP2Client(connector)));
        client.setMaxRequestsQueuedPerDestination(100_000);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalArgumentException("Cannot start the APNs client: " + e.getMessage(), e);
        }
    }

    @Override
    public String type() {
        return PushTypes.IOS;
    }

    @Override
    public CompletableFuture<PushResult> send(PushMessage message) {
        Map<String, Object> payload = ApnsPayload.of(message);
        String json;
        try {
            json = JSON.writeValueAsString(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return CompletableFuture.completedFuture(PushResult.failed("Cannot render the payload: " + e));
        }
        Request request = client.newRequest(URI.create(endpoint + "/3/device/" + message.deviceId()))
                .method(HttpMethod.POST)
                .timeout(15, TimeUnit.SECONDS)
                .headers(headers -> {
                    headers.put("apns-id", message.deliveryId().toString());
                    headers.put("apns-push-type", ApnsPayload.isBackground(payload) ? "background" : "alert");
                    if (!topic.isEmpty()) {
                        headers.put("apns-topic", topic);
                    }
                    if (tokenKey != null) {
                        headers.put(HttpHeader.AUTHORIZATION, "bearer " + token());
                    }
                })
                .body(new StringRequestContent("application/json", json, StandardCharsets.UTF_8));
        return new CompletableResponseListener(request, 16 * 1024).send()
                .handle((response, error) -> {
                    if (error != null) {
                        LOG.warn("Error sending push to Apple service: {}", error.toString());
                        throw new TransientPushException("Error sending push to Apple service: " + error, error);
                    }
                    return result(new HttpAnswer(response.getStatus(), response.getHeaders().get(HttpHeader.RETRY_AFTER),
                            response.getContentAsString()));
                });
    }

    private PushResult result(HttpAnswer answer) {
        if (answer.isSuccess()) {
            return PushResult.sent();
        }
        String reason = "";
        try {
            reason = JSON.readTree(answer.body()).path("reason").asText("");
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            // classified by status alone
        }
        if (answer.status() == 410 || "BadDeviceToken".equals(reason) || "Unregistered".equals(reason)
                || "DeviceTokenNotForTopic".equals(reason)) {
            return PushResult.rejected("APNs " + answer.status() + " " + reason);
        }
        if ("ExpiredProviderToken".equals(reason)) {
            synchronized (this) {
                token = null;
            }
            throw new TransientPushException("APNs ExpiredProviderToken", (Throwable) null);
        }
        if (answer.isTransient()) {
            throw answer.transientFailure("APNs");
        }
        return PushResult.failed("APNs " + answer.status() + " " + reason);
    }

    /** The provider token, renewed every 50 minutes (APNs refuses tokens older than an hour). */
    private synchronized String token() {
        Instant now = clock.instant();
        if (token == null || tokenIssuedAt.plusSeconds(TOKEN_LIFETIME_SECONDS).isBefore(now)) {
            token = JsonWebToken.es256(tokenKey, keyId, Map.of("iss", teamId, "iat", now.getEpochSecond()));
            tokenIssuedAt = now;
        }
        return token;
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            // requests in flight are resumed from the outbox
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
