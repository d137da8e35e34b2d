package org.gms.server.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.websocket.WebSocketContainer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.cometd.bayeux.Message;
import org.cometd.client.BayeuxClient;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.cometd.client.transport.ClientTransport;
import org.cometd.client.websocket.jakarta.WebSocketTransport;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.gms.core.http.Json;
import org.gms.server.GmsServer;
import org.gms.server.HttpTestClient;

/**
 * A CometD client of the test servers, over long polling or WebSocket: what it receives on one channel, kept in
 * arrival order, with the chat events of those messages flattened.
 */
final class CometChatClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(15);

    private final BayeuxClient client;
    private final String channel;
    private final List<Map<String, Object>> bodies = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();

    private CometChatClient(BayeuxClient client, String channel) {
        this.client = client;
        this.channel = channel;
    }

    /** A client that has handshaken and subscribed to {@code channel}. */
    static CometChatClient open(GmsServer server, String transport, String channel, HttpClient http,
                                WebSocketContainer webSockets) throws Exception {
        return open(server, transport, channel, http, webSockets, null, Map.of());
    }

    /**
     * @param authorization the {@code Authorization} header of every request (the WebSocket upgrade for that
     *                      transport), or null
     * @param handshake     fields of the handshake message ({@code ext})
     */
    static CometChatClient open(GmsServer server, String transport, String channel, HttpClient http,
                                WebSocketContainer webSockets, String authorization, Map<String, Object> handshake)
            throws Exception {
        CometChatClient opened = new CometChatClient(client(server, transport, http, webSockets, authorization),
                channel);
        Message reply = opened.handshake(handshake);
        assertThat(reply.isSuccessful()).as("handshake over " + transport + ": " + reply).isTrue();
        assertThat(opened.client.waitFor(WAIT.toMillis(), BayeuxClient.State.CONNECTED)).as("connected").isTrue();
        assertThat(opened.client.getTransport().getName()).isEqualTo(transport);
        CompletableFuture<Message> subscribed = new CompletableFuture<>();
        opened.client.getChannel(channel).subscribe((ignored, message) -> opened.received(message),
                subscribed::complete);
        assertThat(subscribed.get(WAIT.toSeconds(), TimeUnit.SECONDS).isSuccessful()).as("subscription").isTrue();
        return opened;
    }

    /** The reply to a handshake, without subscribing (for refused handshakes). */
    static Message handshakeOnly(GmsServer server, String transport, HttpClient http, WebSocketContainer webSockets,
                                 String authorization, Map<String, Object> handshake) throws Exception {
        CometChatClient opened = new CometChatClient(client(server, transport, http, webSockets, authorization),
                "/none");
        try {
            return opened.handshake(handshake);
        } finally {
            opened.close();
        }
    }

    private Message handshake(Map<String, Object> fields) throws Exception {
        CompletableFuture<Message> reply = new CompletableFuture<>();
        client.handshake(fields, reply::complete);
        return reply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static BayeuxClient client(GmsServer server, String transport, HttpClient http,
                                       WebSocketContainer webSockets, String authorization) {
        ClientTransport chosen = transport.equals("websocket")
                ? new WebSocketTransport(null, null, webSockets) {
                    @Override
                    protected void onHandshakeRequest(Map<String, List<String>> headers) {
                        super.onHandshakeRequest(headers);
                        if (authorization != null) {
                            headers.put("Authorization", List.of(authorization));
                        }
                    }
                }
                : new JettyHttpClientTransport(null, http) {
                    @Override
                    protected void customize(Request request) {
                        super.customize(request);
                        if (authorization != null) {
                            request.headers(headers -> headers.put("Authorization", authorization));
                        }
                    }
                };
        // the only transport offered: no silent fallback
        return new BayeuxClient(server.localUri() + "/cometd", chosen);
    }

    @SuppressWarnings("unchecked")
    private void received(Message message) {
        Map<String, Object> data = message.getDataAsMap();
        bodies.add(data);
        if (data.get("messages") instanceof Object[] array) {
            for (Object event : array) {
                events.add((Map<String, Object>) event);
            }
        } else if (data.get("messages") instanceof List<?> list) {
            for (Object event : list) {
                events.add((Map<String, Object>) event);
            }
        }
    }

    /** Publishes on the channel and waits for the server's acknowledgement. */
    void publish(Map<String, Object> data) throws Exception {
        CompletableFuture<Message> reply = new CompletableFuture<>();
        client.getChannel(channel).publish(data, reply::complete);
        Message ack = reply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(ack.isSuccessful()).as("publish of " + data.get("operation") + ": " + ack).isTrue();
    }

    /** How many messages arrived so far: a mark for {@link #awaitBody}. */
    int mark() {
        return bodies.size();
    }

    /** The first message from {@code from} on that matches, waited for. */
    Map<String, Object> awaitBody(int from, Predicate<Map<String, Object>> matching) {
        return await().atMost(WAIT).until(() -> {
            List<Map<String, Object>> current = bodies;
            for (int index = from; index < current.size(); index++) {
                if (matching.test(current.get(index))) {
                    return current.get(index);
                }
            }
            return null;
        }, body -> body != null);
    }

    /** The first event received that matches, waited for. */
    Map<String, Object> awaitEvent(Predicate<Map<String, Object>> matching) {
        return await().atMost(WAIT).until(() -> events.stream().filter(matching).findFirst().orElse(null),
                event -> event != null);
    }

    /** The messages received so far. */
    List<Map<String, Object>> bodies() {
        return new ArrayList<>(bodies);
    }

    /** The chat events received so far, in arrival order. */
    List<Map<String, Object>> events() {
        return new ArrayList<>(events);
    }

    /** The indexes of the events received so far, in arrival order. */
    List<Integer> indexes() {
        return events.stream().map(event -> ((Number) event.get("index")).intValue()).toList();
    }

    /** The stored transcript, as the admin API reads it. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> transcript(HttpTestClient http, String chatId) {
        var response = http.admin().get("/1/admin/chat/" + chatId + "/transcript");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            JsonNode body = Json.MAPPER.readTree(response.body());
            List<Map<String, Object>> events = new ArrayList<>();
            for (JsonNode event : body.path("messages")) {
                events.add(Json.MAPPER.convertValue(event, Map.class));
            }
            return events;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What two views of one transcript must agree on: index, type, sender, text. */
    static List<String> summary(List<Map<String, Object>> events) {
        return events.stream().map(event -> ((Number) event.get("index")).intValue() + " " + event.get("type") + " "
                + fromType(event) + " " + event.getOrDefault("text", "")).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> events(Map<String, Object> body) {
        Object messages = body.get("messages");
        List<Map<String, Object>> events = new ArrayList<>();
        if (messages instanceof Object[] array) {
            for (Object event : array) {
                events.add((Map<String, Object>) event);
            }
        } else if (messages instanceof List<?> list) {
            list.forEach(event -> events.add((Map<String, Object>) event));
        }
        return events;
    }

    static int number(Map<String, Object> body, String field) {
        return ((Number) body.get(field)).intValue();
    }

    static Predicate<Map<String, Object>> type(String type) {
        return event -> type.equals(event.get("type"));
    }

    static Predicate<Map<String, Object>> text(String type, String text) {
        return event -> type.equals(event.get("type")) && text.equals(event.get("text"));
    }

    static String fromType(Map<String, Object> event) {
        return String.valueOf(((Map<?, ?>) event.get("from")).get("type"));
    }

    @Override
    public void close() {
        client.disconnect(2000);
    }
}
