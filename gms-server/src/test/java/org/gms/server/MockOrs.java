package org.gms.server;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process Orchestration Server speaking the part of its HTTP interface the server uses: it records every
 * request and answers a session start with {@code {"msg":"hello"}} for the application {@code hello},
 * {@code 503 {"error":"busy"}} for {@code busy}, and {@code {"sessionid":"<name>-<n>"}} for any other; a terminate
 * with 200.
 */
public final class MockOrs implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as ORS saw it: method, path, content type and form fields. */
    public record Received(String method, String path, String contentType, Map<String, String> form) {

        public String src() {
            return form.getOrDefault("src", "");
        }

        /** The session data ({@code parameters}, a JSON object). */
        public Map<String, Object> parameters() {
            try {
                return JSON.readValue(form.getOrDefault("parameters", "{}"), new TypeReference<>() { });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger sessions = new AtomicInteger();

    private MockOrs(String name) throws IOException {
        this.name = name;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** A started ORS whose session ids start with {@code name}. */
    public static MockOrs start(String name) {
        try {
            return new MockOrs(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of a port nothing listens on: bound, read and closed again. */
    public static String closedUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The session starts of one application. */
    public List<Received> starts(String src) {
        return received.stream().filter(request -> request.path().equals("/scxml/session/start"))
                .filter(request -> request.src().equals(src)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    type == null ? "" : type, form(body));
            received.add(request);
            int status = 200;
            String answer = "{}";
            if (request.path().equals("/scxml/session/start")) {
                switch (request.src()) {
                    case "hello" -> answer = "{\"msg\":\"hello\"}";
                    case "busy" -> {
                        status = 503;
                        answer = "{\"error\":\"busy\"}";
                    }
                    default -> answer = "{\"sessionid\":\"" + name + "-" + sessions.incrementAndGet() + "\"}";
                }
            } else if (!request.path().matches("/scxml/session/[^/]+/terminate")) {
                status = 404;
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            fields.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
