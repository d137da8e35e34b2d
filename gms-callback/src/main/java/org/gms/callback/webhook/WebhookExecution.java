package org.gms.callback.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gms.callback.config.ServiceOptions;
import org.gms.callback.engine.Execution;
import org.gms.core.http.Json;
import org.gms.push.config.HttpSettings;
import org.gms.push.provider.http.HttpAnswer;
import org.gms.push.provider.http.HttpSender;
import org.gms.push.provider.http.LoggedUrl;
import org.gms.storage.callback.StoredCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code _execution=webhook}: a due callback is POSTed as {@code {"event":"submit","callback":{record}}} to the
 * service's {@code _webhook_url}, and the cancel of a submitted one as {@code {"event":"cancel","callback":{record}}},
 * with {@code _webhook_authorization} as the whole {@code Authorization} header. A 2xx answer accepts the callback
 * and its JSON {@code sessionId} becomes {@code _ors_session_id}; 5xx, 408, 429, timeouts and connection failures may
 * pass and are tried again by the engine; any other answer refuses the callback.
 * <p>
 * One HTTP client, with the TLS trust of the push clients, lives from start to stop.
 */
public final class WebhookExecution extends AbstractLifeCycle implements Execution {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookExecution.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration EXCHANGE_TIMEOUT = Duration.ofSeconds(10);
    /** Beyond the exchange's own timeout: how long a submission may wait for a free connection. */
    private static final Duration QUEUE_MARGIN = Duration.ofSeconds(2);
    private static final int MAX_SESSION_ID = 256;

    private final HttpSettings http;
    private final Function<StoredCallback, Map<String, Object>> records;
    private volatile HttpSender sender;

    /**
     * @param http    trust store and pool limits of the outgoing clients; the timeouts are the webhook's own
     * @param records the wire record of a callback, as the queries render it
     */
    public WebhookExecution(HttpSettings http, Function<StoredCallback, Map<String, Object>> records) {
        this.http = new HttpSettings(http.maxConnectionsPerRoute(), http.maxConnectionsTotal(), CONNECT_TIMEOUT,
                EXCHANGE_TIMEOUT, http.trustAll(), http.truststore(), http.truststorePassword());
        this.records = records;
    }

    @Override
    protected void doStart() {
        sender = new HttpSender(http);
    }

    @Override
    protected void doStop() {
        HttpSender stopping = sender;
        sender = null;
        if (stopping != null) {
            stopping.close();
        }
    }

    @Override
    public String submit(StoredCallback callback, ServiceOptions options) throws SubmitException {
        URI url = url(options);
        HttpSender client = sender;
        if (client == null) {
            throw new SubmitException("The webhook client is not running", true);
        }
        String target = LoggedUrl.of(url.toString());
        HttpAnswer answer;
        try {
            answer = client.postJson(url, headers(options), body("submit", callback))
                    .get(EXCHANGE_TIMEOUT.plus(QUEUE_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new SubmitException("Cannot reach " + target + ": " + rootCause(e), true);
        } catch (TimeoutException e) {
            throw new SubmitException("No answer from " + target + " within "
                    + EXCHANGE_TIMEOUT.plus(QUEUE_MARGIN).toSeconds() + " s", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SubmitException("Interrupted while posting to " + target, true);
        }
        if (!answer.isSuccess()) {
            throw new SubmitException("HTTP " + answer.status() + " from " + target, answer.isTransient());
        }
        return sessionId(answer.body());
    }

    /** Posts the cancel event without waiting for it; the exchange is bounded by the client's timeouts. */
    @Override
    public void cancelled(StoredCallback callback, ServiceOptions options) {
        HttpSender client = sender;
        if (client == null) {
            LOG.warn("Callback {}: cancel event not posted: the webhook client is not running", callback.id());
            return;
        }
        URI url;
        try {
            url = url(options);
        } catch (SubmitException e) {
            LOG.warn("Callback {}: cancel event not posted: {}", callback.id(), e.getMessage());
            return;
        }
        String target = LoggedUrl.of(url.toString());
        client.postJson(url, headers(options), body("cancel", callback)).whenComplete((answer, error) -> {
            if (error != null) {
                LOG.warn("Callback {}: cancel event not delivered to {}: {}", callback.id(), target,
                        rootCause(error));
            } else if (!answer.isSuccess()) {
                LOG.warn("Callback {}: cancel event answered HTTP {} by {}", callback.id(), answer.status(), target);
            }
        });
    }

    private static URI url(ServiceOptions options) throws SubmitException {
        String configured = options.webhookUrl();
        try {
            URI url = URI.create(configured);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // reported below, without the value: it may carry credentials
        }
        LOG.warn("Callback service [{}] has _execution=webhook but no http(s) URL in [service.{}] _webhook_url",
                options.name(), options.name());
        throw new SubmitException("No valid _webhook_url for callback service [" + options.name() + "]", false);
    }

    private static Map<String, String> headers(ServiceOptions options) {
        String authorization = options.webhookAuthorization();
        return authorization.isEmpty() ? Map.of() : Map.of("Authorization", authorization);
    }

    private String body(String event, StoredCallback callback) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        body.put("callback", records.apply(callback));
        return Json.text(body);
    }

    /** The answer's {@code sessionId} (a string or a number), else a new random id. */
    static String sessionId(String answer) {
        try {
            JsonNode id = Json.MAPPER.readTree(answer == null ? "" : answer).path("sessionId");
            if ((id.isTextual() || id.isNumber()) && !id.asText().isBlank()
                    && id.asText().length() <= MAX_SESSION_ID) {
                return id.asText().trim();
            }
        } catch (IOException e) {
            // not JSON: the answer accepted the callback all the same
        }
        return UUID.randomUUID().toString();
    }

    private static String rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
