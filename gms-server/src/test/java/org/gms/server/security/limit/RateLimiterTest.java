package org.gms.server.security.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    private final RateLimiter limiter = new RateLimiter(nanos::get);

    @Test
    void should_refuse_the_request_over_the_limit_within_one_second_and_accept_it_after() {
        for (int request = 0; request < 25; request++) {
            assertThat(limiter.tryAcquire("10.0.0.1", 25)).isTrue();
            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));
        }
        assertThat(limiter.tryAcquire("10.0.0.1", 25)).isFalse();
        assertThat(limiter.tryAcquire("10.0.0.2", 25)).isTrue();
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(755));
        assertThat(limiter.tryAcquire("10.0.0.1", 25)).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1", 25)).isFalse();
    }

    @Test
    void should_forget_idle_clients_when_many_requests_went_by() {
        limiter.tryAcquire("10.0.0.9", 5);
        nanos.addAndGet(TimeUnit.MINUTES.toNanos(1));
        for (int request = 0; request < 1100; request++) {
            limiter.tryAcquire("10.0.1." + (request % 3), 100000);
        }
        assertThat(limiter.trackedClients()).isEqualTo(3);
    }
}
