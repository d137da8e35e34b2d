package org.gms.push.provider.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.ClientConnector;
import org.gms.push.api.TransientPushException;
import org.gms.push.config.HttpSettings;

/**
 * The shared outgoing HTTP/1.1 client of the push providers (customhttp, httpcb, FCM): pooled per destination,
 * bounded in total, TLS trust from {@link HttpSettings} only. Transport failures become
 * {@link TransientPushException}s.
 */
public final class HttpSender implements AutoCloseable {

    private static final int MAX_BODY = 64 * 1024;
    /** Above this many known destinations, idle ones a race left behind are swept. */
    private static final int MAX_IDLE_ROUTES = 4096;
    private final HttpClient client;
    private final AsyncPermits permits;
    /** Per destination (scheme, host, port), only while it has requests under way or waiting. */
    private final Map<String, AsyncPermits> routes = new ConcurrentHashMap<>();
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
     * Posts the body. At most {@code max_connections_per_route} requests to one destination and
     * {@code max_connections_total} in all are under way at once; further ones wait their turn without blocking the
     * caller, each destination in its own queue (a slow receiver delays only its own pushes), and a request's timeout
     * starts when it is sent.
     */
    public CompletableFuture<HttpAnswer> send(URI uri, Map<String, String> headers, String contentType, String body) {
        CompletableFuture<HttpAnswer> result = new CompletableFuture<>();
        String route = route(uri);
        if (routes.size() > MAX_IDLE_ROUTES) {
            routes.values().removeIf(AsyncPermits::idle);
        }
        AsyncPermits routePermits = routes.computeIfAbsent(route,
                key -> new AsyncPermits(settings.maxConnectionsPerRoute()));
        routePermits.submit(() -> permits.submit(() -> start(uri, headers, contentType, body)
                .whenComplete((answer, error) -> {
                    permits.release();
                    routePermits.release();
                    if (routePermits.idle()) {
                        // a request arriving meanwhile may still use this instance: the bound stays approximate
                        // for a moment, and Jetty's own per-destination connection limit still holds
                        routes.remove(route, routePermits);
                    }
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else {
                        result.complete(answer);
                    }
                })));
        return result;
    }

    /** Destinations with requests under way or waiting. */
    int routes() {
        return routes.size();
    }

    private static String route(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + uri.getPort();
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
