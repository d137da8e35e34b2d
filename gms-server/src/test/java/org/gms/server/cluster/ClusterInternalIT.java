package org.gms.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.gms.server.GmsServer;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClusterInternalIT {

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.noServer();

    private final ClusterTestNodes nodes = new ClusterTestNodes(gms);

    @Test
    void should_answer_403_when_the_cluster_secret_is_missing_or_wrong() throws Exception {
        GmsServer server = nodes.start();
        HttpTestClient http = new HttpTestClient(server);

        HttpResponse<String> missing = http.get("/1/internal/ping");
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.body()).contains("\"message\":\"Internal calls need the cluster secret\"");
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(http.uri("/1/internal/ping"))
                .header(InternalClient.SECRET_HEADER, "guess").GET());
        assertThat(wrong.statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(http.uri("/1/internal/unknown"))
                .header(InternalClient.SECRET_HEADER, "guess").GET());
        assertThat(unknown.statusCode()).isEqualTo(403);
    }

    @Test
    void should_answer_another_node_when_it_calls_with_the_shared_secret() throws Exception {
        GmsServer first = nodes.start();
        GmsServer second = nodes.start();
        second.cluster().internal().register("echo", request -> Map.of("body",
                new String(request.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));

        HttpResponse<String> ping = first.cluster().client().get(second.nodeUrl(), "ping");
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.body()).isEqualTo("{\"status\":\"ONLINE\"}");
        HttpResponse<String> echo = first.cluster().client().post(second.nodeUrl(), "echo", "{\"a\":1}");
        assertThat(echo.body()).isEqualTo("{\"body\":\"{\\\"a\\\":1}\"}");
        assertThat(first.cluster().client().get(second.nodeUrl(), "unknown").statusCode()).isEqualTo(404);
    }

    @Test
    void should_use_the_configured_secret_when_one_is_set() throws Exception {
        GmsServer server = nodes.start(nodes.builder().option("cluster", "secret", "configured-secret"));
        HttpTestClient http = new HttpTestClient(server);

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(http.uri("/1/internal/ping"))
                .header(InternalClient.SECRET_HEADER, "configured-secret").GET());
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    @Test
    void should_end_session_ids_with_the_node_worker_name_when_a_session_is_created() throws Exception {
        GmsServer server = nodes.start(45);
        server.cluster().internal().register("session", request -> Map.of("id", request.getSession(true).getId()));

        HttpResponse<String> answer = server.cluster().client().get(server.nodeUrl(), "session");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).matches("JSESSIONID=node45[^;]*\\.node45(;.*)?"));
    }
}
