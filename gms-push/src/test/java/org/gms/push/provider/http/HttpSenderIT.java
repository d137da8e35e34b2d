package org.gms.push.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gms.push.config.HttpSettings;
import org.gms.push.mock.HttpReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpSenderIT {

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : closing) {
            resource.close();
        }
    }

    @Test
    void should_send_to_a_fast_destination_at_once_when_a_slow_one_has_a_long_queue() throws Exception {
        HttpReceiver slow = receiver(Duration.ofSeconds(2));
        HttpReceiver fast = receiver(Duration.ZERO);
        HttpSender sender = sender(new HttpSettings(20, 200, Duration.ofSeconds(5), Duration.ofSeconds(15), false,
                null, ""));
        List<CompletableFuture<HttpAnswer>> backlog = new ArrayList<>();
        for (int index = 0; index < 250; index++) {
            backlog.add(sender.postJson(URI.create(slow.url("/slow")), Map.of(), "{}"));
        }

        // behind the slow destination's queue this would take 6 s: three rounds of 20 slow answers
        long start = System.nanoTime();
        HttpAnswer answer = sender.postJson(URI.create(fast.url("/fast")), Map.of(), "{}").get(10, TimeUnit.SECONDS);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(slow.received().size()).isLessThanOrEqualTo(20);
        backlog.forEach(request -> request.cancel(false));
    }

    @Test
    void should_start_the_timeout_when_a_request_is_sent_not_while_it_waits_for_a_connection() throws Exception {
        // one exchange takes 1 s; the fifth request would wait 2 s for a connection, 3 s in all
        HttpReceiver slow = receiver(Duration.ofSeconds(1));
        HttpSender sender = sender(new HttpSettings(2, 5, Duration.ofSeconds(5), Duration.ofMillis(2500), false,
                null, ""));
        List<CompletableFuture<HttpAnswer>> requests = new ArrayList<>();
        for (int index = 0; index < 6; index++) {
            requests.add(sender.postJson(URI.create(slow.url("/slow")), Map.of(), "{}"));
        }

        for (CompletableFuture<HttpAnswer> request : requests) {
            assertThat(request.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        assertThat(slow.received()).hasSize(6);
        assertThat(sender.routes()).isZero();
    }

    private HttpReceiver receiver(Duration delay) throws Exception {
        HttpReceiver receiver = HttpReceiver.startPlain();
        receiver.delayAnswers(delay);
        closing.add(receiver);
        return receiver;
    }

    private HttpSender sender(HttpSettings settings) {
        HttpSender sender = new HttpSender(settings);
        closing.add(0, sender);
        return sender;
    }
}
