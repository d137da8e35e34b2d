package org.gms.server.security.limit;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.gms.core.error.TooManyRequestsException;
import org.gms.core.http.ErrorMapper;
import org.gms.server.config.ConfigHolder;
import org.gms.server.config.GmsConfig;
import org.gms.server.security.AddressList;
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

    private final ConfigHolder config;
    private final RateLimiter limiter;
    private final AtomicBoolean warnedAboutProxies = new AtomicBoolean();

    public RateLimitHandler(ConfigHolder config, RateLimiter limiter) {
        this.config = config;
        this.limiter = limiter;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        GmsConfig current = config.get();
        if (!current.boolValue("rate-limit", "enabled")) {
            return super.handle(request, response, callback);
        }
        List<String> proxies = AddressList.parse(current.value("rate-limit", "trusted-proxies"));
        String client = ClientAddress.of(request, proxies);
        if (AddressList.parse(current.value("rate-limit", "allow-list")).contains(client)) {
            return super.handle(request, response, callback);
        }
        int limit = current.intValue("rate-limit", "max-requests-per-second");
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
