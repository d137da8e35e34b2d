package org.gms.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.gms.core.http.ErrorMapper;
import org.gms.core.http.GmsServlet;
import org.gms.core.http.Responses;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Every request has an id in the MDC while it is served, and a 500 message names it as its reference. */
class RequestIdsIT {

    @Test
    void should_name_the_request_id_in_the_500_message_when_a_servlet_fails() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        Responses responses = new Responses(() -> 0, ErrorMapper.plain());
        ServletContextHandler context = new ServletContextHandler("/genesys");
        context.addServlet(new ServletHolder(new GmsServlet(responses) {
            @Override
            protected Set<String> methods() {
                return Set.of("GET");
            }

            @Override
            protected void handle(HttpServletRequest request, HttpServletResponse response) {
                seen.set(MDC.get(ErrorMapper.REQUEST_ID) + " " + MDC.get(RequestIds.NODE));
                throw new IllegalStateException("a bug");
            }
        }), "/1/fail");
        Server jetty = new Server(0);
        jetty.setHandler(new RequestIds(7, context));
        jetty.start();
        try {
            int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/genesys/1/fail")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(500);
            assertThat(seen.get()).matches("7-[0-9a-f]+ 7");
            String id = seen.get().split(" ")[0];
            assertThat(answer.body()).isEqualTo("{\"exception\":\"java.lang.RuntimeException\","
                    + "\"message\":\"Internal server error, reference " + id + "\"}");
        } finally {
            jetty.stop();
        }
    }
}
