package org.gms.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.gms.server.GmsServer;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GracefulStopIT {

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.noServer();

    private final ClusterTestNodes nodes = new ClusterTestNodes(gms);

    @Test
    void should_answer_in_flight_requests_and_report_offline_when_stopping_gracefully() throws Exception {
        GmsServer server = nodes.start();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.cluster().internal().register("slow", request -> {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of("done", true);
        });
        HttpTestClient http = new HttpTestClient(server);
        String secret = server.cluster().secret();
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() ->
                http.send(HttpRequest.newBuilder(http.uri("/1/internal/slow"))
                        .header(InternalClient.SECRET_HEADER, secret).GET()));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
            try {
                server.stopGracefully();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> http.get("/1/node").statusCode() == 503);
        assertThat(server.cluster().engine().isPaused()).isTrue();
        release.countDown();

        HttpResponse<String> answer = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"done\":true}");
        stopping.get(30, TimeUnit.SECONDS);
        assertThat(server.isStarted()).isFalse();
    }
}
