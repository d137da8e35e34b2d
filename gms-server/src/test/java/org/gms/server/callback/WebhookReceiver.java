package org.gms.server.callback;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-process dialer: records every POST under {@code /hook/<name>} and answers each with the next scripted
 * answer of that name, the last one repeating.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A POST as it arrived. */
    record Received(Instant at, String authorization, String contentType, Map<String, Object> body) {

        String event() {
            return (String) body.get("event");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> callback() {
            return (Map<String, Object>) body.get("callback");
        }
    }

    /** A scripted answer. */
    record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server, Executors.newFixedThreadPool(4));
            server.createContext("/hook/", receiver::handle);
            server.setExecutor(receiver.threads);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of the hook {@code name}. */
    String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/" + name;
    }

    /** Answers the next POSTs to {@code name} with these, in order; the last one answers every later POST. */
    void script(String name, Answer... answers) {
        scripts.put(name, new ArrayDeque<>(List.of(answers)));
    }

    /** The POSTs to {@code name} so far, oldest first. */
    List<Received> received(String name) {
        return List.copyOf(received.getOrDefault(name, List.of()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring("/hook/".length());
            Map<String, Object> body = JSON.readValue(exchange.getRequestBody().readAllBytes(),
                    new TypeReference<>() { });
            received.computeIfAbsent(name, key -> new CopyOnWriteArrayList<>()).add(new Received(Instant.now(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            Answer answer = next(name);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private Answer next(String name) {
        Deque<Answer> script = scripts.get(name);
        if (script == null) {
            return new Answer(200, "");
        }
        synchronized (script) {
            return script.size() > 1 ? script.poll() : script.peek();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
