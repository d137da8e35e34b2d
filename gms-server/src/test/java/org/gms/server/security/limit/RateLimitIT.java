package org.gms.server.security.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RateLimitIT {

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> limited(builder, "127.0.0.1"));

    private final HttpTestClient http = gms.http();

    private static TestServers limited(TestServers builder, String trustedProxies) {
        return builder
                .option("rate-limit", "enabled", "true")
                .option("rate-limit", "max-requests-per-second", "2")
                .option("rate-limit", "trusted-proxies", trustedProxies);
    }

    private HttpResponse<String> from(String client) {
        return http.send(HttpRequest.newBuilder(http.uri("/1/node")).header("X-Forwarded-For", client));
    }

    /** Sends until refused; with two per second allowed, fifty requests cannot all be accepted here. */
    private HttpResponse<String> burst(String client) {
        HttpResponse<String> last = null;
        for (int request = 0; request < 50; request++) {
            last = from(client);
            if (last.statusCode() != 200) {
                return last;
            }
        }
        return last;
    }

    @Test
    void should_answer_429_with_the_error_body_when_a_client_behind_a_trusted_proxy_is_over_its_limit() {
        HttpResponse<String> refused = burst("203.0.113.7");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.body()).isEqualTo("{\"exception\":\"org.gms.server.security.limit.TooManyRequestsException\","
                + "\"message\":\"Too many requests: at most 2 per second are accepted from one client\"}");

        assertThat(from("203.0.113.8").statusCode()).isEqualTo(200);
    }

    @Test
    void should_limit_nobody_when_the_limit_is_not_enabled() throws Exception {
        gms.reconfigure(builder -> builder.option("rate-limit", "max-requests-per-second", "2")
                .option("rate-limit", "trusted-proxies", "127.0.0.1"));
        try {
            assertThat(burst("203.0.113.10").statusCode()).isEqualTo(200);
        } finally {
            gms.restoreConfig();
        }
    }

    @Test
    void should_ignore_x_forwarded_for_when_the_peer_is_not_a_trusted_proxy() throws Exception {
        gms.reconfigure(builder -> limited(builder, "192.0.2.1"));
        try {
            for (int request = 0; request < 10; request++) {
                assertThat(from("203.0.113.9").statusCode()).isEqualTo(200);
            }
        } finally {
            gms.restoreConfig();
        }
    }
}
