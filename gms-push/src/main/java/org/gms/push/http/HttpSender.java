package org.gms.push.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.ClientConnector;
import org.gms.push.HttpSettings;
import org.gms.push.TransientPushException;

/**
 * The shared outgoing HTTP/1.1 client of the push providers (customhttp, httpcb, FCM): pooled per destination,
 * bounded in total, TLS trust from {@link HttpSettings} only. Transport failures become
 * {@link TransientPushException}s.
 */
public final class HttpSender implements AutoCloseable {

    private static final int MAX_BODY = 64 * 1024;
    private final HttpClient client;
    private final AsyncPermits permits;
    private final HttpSettings settings;

    public HttpSender(HttpSettings settings) {
        this.settings = settings;
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(Tls.clientContext(settings));
        connector.setConnectTimeout(settings.connectTimeout());
        connector.setSelectors(1);
        client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setMaxConnectionsPerDestination(settings.maxConnectionsPerRoute());
        client.setMaxRequestsQueuedPerDestination(100_000);
        client.setFollowRedirects(false);
        client.setUserAgentField(null);
        permits = new AsyncPermits(settings.maxConnectionsTotal());
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the push HTTP client: " + e.getMessage(), e);
        }
    }

    public CompletableFuture<HttpAnswer> postJson(URI uri, Map<String, String> headers, String json) {
        return send(uri, headers, "application/json", json);
    }

    /**
     * Posts the body. At most {@code max_connections_total} requests are under way at once; further ones wait their
     * turn without blocking the caller, and their timeout starts when they start.
     */
    public CompletableFuture<HttpAnswer> send(URI uri, Map<String, String> headers, String contentType, String body) {
        CompletableFuture<HttpAnswer> result = new CompletableFuture<>();
        permits.submit(() -> start(uri, headers, contentType, body).whenComplete((answer, error) -> {
            permits.release();
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(answer);
            }
        }));
        return result;
    }

    private CompletableFuture<HttpAnswer> start(URI uri, Map<String, String> headers, String contentType,
                                                String body) {
        CompletableFuture<HttpAnswer> answer;
        try {
            Request request = client.newRequest(uri).method(HttpMethod.POST)
                    .timeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .body(new StringRequestContent(contentType, body, StandardCharsets.UTF_8));
            headers.forEach((name, value) -> request.headers(mutable -> mutable.put(name, value)));
            answer = new CompletableResponseListener(request, MAX_BODY).send()
                    .thenApply(response -> new HttpAnswer(response.getStatus(),
                            response.getHeaders().get(HttpHeader.RETRY_AFTER), response.getContentAsString()));
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.handle((result, error) -> {
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                throw new TransientPushException("Cannot reach " + uri.getHost() + ": " + cause, cause);
            }
            return result;
        });
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            // stopping aborts requests in flight; their deliveries are resumed from the outbox
        }
    }
}
