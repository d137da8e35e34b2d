package org.gms.push.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.gms.core.http.GmsServlet;
import org.gms.core.http.Responses;
import org.gms.push.PushFeature;
import org.gms.push.api.PublishRequest;

/**
 * {@code POST /1/notification/publish}: answers once every matching delivery is recorded in the outbox, with the
 * number of deliveries ({@code {"deliveries":n}}).
 */
public final class PublishServlet extends GmsServlet {

    private static final long serialVersionUID = 1L;
    private final transient PushFeature push;

    public PublishServlet(Responses responses, PushFeature push) {
        super(responses);
        this.push = push;
    }

    @Override
    protected Set<String> methods() {
        return Set.of("POST");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonNode body = JsonBody.read(request);
        PublishRequest publish = new PublishRequest(JsonBody.text(body, "tag"), JsonBody.text(body, "message"),
                JsonBody.text(body, "mediaType"), JsonBody.properties(body.path("notificationDetails")));
        int deliveries;
        try {
            deliveries = push.notifications().publish(publish).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        responses.json(request, response, Map.of("deliveries", deliveries));
    }
}
