package org.gms.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.gms.core.feature.Feature;
import org.gms.core.feature.Routes;
import org.gms.core.http.ErrorMapper;
import org.gms.core.http.Responses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one readiness rule: a feature's paths answer 503 with the GMS body until the feature is started. */
class FeatureMountIT {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Feature feature = new Feature("test feature") {
        @Override
        public void mount(Routes routes) {
            routes.servlet("/1/test/*", new HttpServlet() {
                @Override
                protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                    response.getWriter().print("served");
                }
            });
        }
    };
    private Server jetty;

    @BeforeEach
    void start() throws Exception {
        jetty = new Server(0);
        ServletContextHandler context = new ServletContextHandler("/genesys");
        feature.mount(new FeatureMount(context, new Responses(() -> 0, ErrorMapper.plain()), feature,
                java.nio.file.Path.of(System.getProperty("java.io.tmpdir"))));
        jetty.setHandler(context);
        jetty.start();
    }

    @AfterEach
    void stop() throws Exception {
        jetty.stop();
        feature.stop();
    }

    @Test
    void should_answer_503_with_the_gms_body_when_the_feature_is_not_started() throws Exception {
        HttpResponse<String> answer = get("/genesys/1/test/x");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        assertThat(answer.body()).isEqualTo("{\"exception\":\"org.gms.storage.error.ServiceUnavailableException\","
                + "\"message\":\"The test feature is not started\"}");
    }

    @Test
    void should_serve_once_the_feature_is_started_and_answer_503_again_once_it_is_stopped() throws Exception {
        feature.start();
        assertThat(get("/genesys/1/test/x").body()).isEqualTo("served");

        feature.stop();
        assertThat(get("/genesys/1/test/x").statusCode()).isEqualTo(503);
    }

    private HttpResponse<String> get(String path) throws Exception {
        int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
