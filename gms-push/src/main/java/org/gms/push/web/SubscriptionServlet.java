package org.gms.push.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gms.core.error.BadRequestException;
import org.gms.core.http.GmsServlet;
import org.gms.core.http.Responses;
import org.gms.push.PushFeature;
import org.gms.push.api.SubscribeRequest;
import org.gms.push.api.SubscriptionUpdate;
import org.gms.storage.push.StoredSubscription;

/**
 * {@code POST /1/notification/subscription} subscribes ({@code gms_user} header); {@code GET}, {@code DELETE} and
 * {@code POST /1/notification/subscription/{id}} read, remove and update one subscription; a subscription made with a
 * {@code gms_user} answers only to that user (400 without the header, 403 for another user).
 */
public final class SubscriptionServlet extends GmsServlet {

    private static final long serialVersionUID = 1L;
    private static final String USER_HEADER = "gms_user";
    private final transient PushFeature push;
    private final transient Clock clock;

    public SubscriptionServlet(Responses responses, PushFeature push, Clock clock) {
        super(responses);
        this.push = push;
        this.clock = clock;
    }

    @Override
    protected Set<String> methods() {
        return Set.of("GET", "POST", "DELETE");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = pathAfterServlet(request);
        if (id.isEmpty()) {
            if (!"POST".equals(request.getMethod())) {
                throw new BadRequestException("A subscription id is required: /1/notification/subscription/{id}");
            }
            subscribe(request, response);
            return;
        }
        Optional<String> user = Optional.ofNullable(request.getHeader(USER_HEADER));
        switch (request.getMethod()) {
            case "GET" -> responses.json(request, response, render(push.notifications().owned(id, user)));
            case "DELETE" -> {
                push.notifications().unsubscribe(id, user);
                response.setStatus(200);
            }
            default -> update(id, user, request, response);
        }
    }

    private void subscribe(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonNode body = JsonBody.read(request);
        JsonNode details = body.path("notificationDetails");
        String user = request.getHeader(USER_HEADER);
        push.notifications().checkSubscriberUrl(JsonBody.text(details, "type"), JsonBody.text(details, "deviceId"));
        String id = push.notifications().subscribe(new SubscribeRequest(user == null ? "" : user,
                JsonBody.text(body, "subscriberId"), JsonBody.text(body, "providerName"),
                JsonBody.text(details, "deviceId"), JsonBody.text(details, "type"), JsonBody.properties(details),
                JsonBody.text(body, "authorization"), JsonBody.integer(body, "expire"), JsonBody.text(body, "filter")));
        responses.json(request, response, Map.of("id", id));
    }

    private void update(String id, Optional<String> user, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        JsonNode body = JsonBody.read(request);
        JsonNode details = body.path("notificationDetails");
        StoredSubscription updated = push.notifications().update(id, user, new SubscriptionUpdate(
                JsonBody.integer(body, "expire"), JsonBody.text(details, "deviceId"), JsonBody.properties(details),
                JsonBody.text(body, "authorization")));
        responses.json(request, response, render(updated));
    }

    /** The subscription without its authorization value, which is a credential. */
    private Map<String, Object> render(StoredSubscription subscription) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("deviceId", subscription.deviceId());
        details.put("type", subscription.type());
        details.put("properties", subscription.properties());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", subscription.id());
        body.put("subscriberId", subscription.subscriberId());
        body.put("providerName", subscription.providerName());
        body.put("notificationDetails", details);
        body.put("filter", subscription.filter());
        body.put("expire", Math.max(0, Duration.between(clock.instant(), subscription.expiresAt()).toSeconds()));
        body.put("expirationTime", subscription.expiresAt().toString());
        return body;
    }
}
