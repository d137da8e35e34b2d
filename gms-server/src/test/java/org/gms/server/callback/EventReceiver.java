package org.gms.server.callback;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP receiver on 127.0.0.1 standing for a {@code _status_notification_target} (or an app's own callback URL):
 * it records each {@code httpcb} push it is sent, its envelope {@code {"id","tag","message","deviceId"}} and the
 * event message inside, and answers 200.
 */
final class EventReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One push as received. */
    record Push(String path, String tag, Map<String, String> event) {
    }

    private final HttpServer server;
    private final List<Push> received = new CopyOnWriteArrayList<>();

    private EventReceiver(HttpServer server) {
        this.server = server;
    }

    static EventReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            EventReceiver receiver = new EventReceiver(server);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                receiver.record(exchange.getRequestURI().getPath(), body);
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void record(String path, String body) throws IOException {
        Map<String, String> envelope = JSON.readValue(body, new TypeReference<>() { });
        Map<String, String> event = JSON.readValue(envelope.get("message"), new TypeReference<>() { });
        received.add(new Push(path, envelope.get("tag"), event));
    }

    /** The URL of a path of this receiver, e.g. {@code /test}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The pushes received on a path for one callback and one event. */
    List<Push> pushes(String path, String callbackId, String event) {
        return received.stream().filter(push -> push.path().equals(path))
                .filter(push -> callbackId.equals(push.event().get("_id")))
                .filter(push -> event.equals(push.event().get("event")))
                .toList();
    }

    /** Every event name received on a path for one callback, in arrival order. */
    List<String> events(String path, String callbackId) {
        return received.stream().filter(push -> push.path().equals(path))
                .filter(push -> callbackId.equals(push.event().get("_id")))
                .map(push -> push.event().get("event"))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
