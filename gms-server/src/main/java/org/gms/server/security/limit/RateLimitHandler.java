package org.gms.server.security.limit;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.gms.core.error.TooManyRequestsException;
import org.gms.core.http.ErrorMapper;
import org.gms.server.security.ClientAddress;
import org.gms.server.security.ErrorAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-client rate limit of {@code [rate-limit]}: a client over {@code max-requests-per-second} is answered 429 with
 * the GMS error body and {@code Retry-After: 1}, without reaching any servlet. The client is the connection's peer,
 * or the {@code X-Forwarded-For} client when the peer is a trusted proxy.
 */
public final class RateLimitHandler extends Handler.Wrapper {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitHandler.class);

    private final Supplier<RateLimitSettings> settings;
    private final RateLimiter limiter;
    private final AtomicBoolean warnedAboutProxies = new AtomicBoolean();

    public RateLimitHandler(Supplier<RateLimitSettings> settings, RateLimiter limiter) {
        this.settings = settings;
        this.limiter = limiter;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        RateLimitSettings current = settings.get();
        if (!current.enabled()) {
            return super.handle(request, response, callback);
        }
        List<String> proxies = current.trustedProxies();
        String client = ClientAddress.of(request, proxies);
        if (current.allowList().contains(client)) {
            return super.handle(request, response, callback);
        }
        int limit = current.maxRequestsPerSecond();
        if (limiter.tryAcquire(client, limit)) {
            return super.handle(request, response, callback);
        }
        LOG.debug("Client {} is over {} requests per second", client, limit);
        if (proxies.isEmpty() && request.getHeaders().contains(HttpHeader.X_FORWARDED_FOR)
                && !warnedAboutProxies.getAndSet(true)) {
            LOG.warn("Requests arrive with X-Forwarded-For but [rate-limit] trusted-proxies is empty: every client"
                    + " behind {} shares one limit of {} per second. List the load balancer in trusted-proxies.",
                    client, limit);
        }
        response.getHeaders().put(HttpHeader.RETRY_AFTER, 1);
        ErrorAnswers.error(response, callback, ErrorMapper.body(new TooManyRequestsException(
                "Too many requests: at most " + limit + " per second are accepted from one client")));
        return true;
    }
}
