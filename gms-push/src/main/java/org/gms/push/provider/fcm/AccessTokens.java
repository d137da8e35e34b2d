package org.gms.push.provider.fcm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.gms.push.api.TransientPushException;
import org.gms.push.provider.http.HttpSender;
import org.gms.push.provider.http.JsonWebToken;

/** OAuth 2.0 access tokens of a service account (JWT bearer grant), cached until a minute before they expire. */
final class AccessTokens {

    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceAccount account;
    private final HttpSender http;
    private final Clock clock;
    private CompletableFuture<Token> current;

    AccessTokens(ServiceAccount account, HttpSender http, Clock clock) {
        this.account = account;
        this.http = http;
        this.clock = clock;
    }

    synchronized CompletableFuture<String> token() {
        Instant now = clock.instant();
        if (current == null || current.isCompletedExceptionally()
                || (current.isDone() && current.join().expiresAt().minusSeconds(60).isBefore(now))) {
            current = fetch(now);
        }
        return current.thenApply(Token::value);
    }

    /** Forgets the token after the push service refused it. */
    synchronized void invalidate() {
        current = null;
    }

    private CompletableFuture<Token> fetch(Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", account.clientEmail());
        claims.put("scope", SCOPE);
        claims.put("aud", account.tokenUri());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + 3600);
        String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer",
                StandardCharsets.UTF_8) + "&assertion=" + JsonWebToken.rs256(account.privateKey(), claims);
        return http.send(URI.create(account.tokenUri()), Map.of(), "application/x-www-form-urlencoded", form)
                .thenApply(answer -> {
                    if (!answer.isSuccess()) {
                        throw new TransientPushException("The OAuth token endpoint answered HTTP " + answer.status(),
                                answer.retryAfterDuration().orElse(null));
                    }
                    try {
                        JsonNode json = JSON.readTree(answer.body());
                        return new Token(json.path("access_token").asText(),
                                now.plusSeconds(json.path("expires_in").asLong(3600)));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new TransientPushException("Unreadable OAuth token answer", e);
                    }
                });
    }

    private record Token(String value, Instant expiresAt) {
    }
}
