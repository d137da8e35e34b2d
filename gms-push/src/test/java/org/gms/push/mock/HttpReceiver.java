package org.gms.push.mock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * An in-process HTTP server that records what it receives and answers from a script: queued answers first, then
 * the default answer function. Subclasses add TLS/HTTP2 connectors.
 */
public class HttpReceiver implements AutoCloseable {

    /** An answer: status, extra headers, JSON body. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public static Answer ok() {
            return new Answer(200, Map.of(), "{}");
        }

        public static Answer status(int status) {
            return new Answer(status, Map.of(), "{}");
        }
    }

    protected final Server server = new Server();
    private final List<RecordedRequest> received = new CopyOnWriteArrayList<>();
    private final Queue<Answer> scripted = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> completedByDelivery = new ConcurrentHashMap<>();
    private volatile Function<RecordedRequest, Answer> answers = request -> Answer.ok();
    private volatile Duration delay = Duration.ZERO;
    private final ScheduledExecutorService delayer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "receiver-delay");
        thread.setDaemon(true);
        return thread;
    });

    public static HttpReceiver startPlain() throws Exception {
        HttpReceiver receiver = new HttpReceiver();
        ServerConnector connector = new ServerConnector(receiver.server);
        connector.setHost("127.0.0.1");
        receiver.server.addConnector(connector);
        receiver.start();
        return receiver;
    }

    protected void start() throws Exception {
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                Map<String, String> headers = new java.util.HashMap<>();
                for (HttpField field : request.getHeaders()) {
                    headers.put(field.getName().toLowerCase(Locale.ROOT), field.getValue());
                }
                Object tls = request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE);
                boolean certificate = tls instanceof EndPoint.SslSessionData data && data.peerCertificates() != null
                        && data.peerCertificates().length > 0;
                RecordedRequest recorded = new RecordedRequest(request.getMethod(),
                        Request.getPathInContext(request), headers, body, certificate, System.nanoTime());
                received.add(recorded);
                Answer answer = scripted.poll();
                if (answer == null) {
                    answer = answers.apply(recorded);
                }
                response.setStatus(answer.status());
                answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
                response.getHeaders().put("Content-Type", "application/json");
                if (answer.status() == 200 && recorded.header("X-GMS-Delivery-Id") != null) {
                    completedByDelivery.merge(recorded.header("X-GMS-Delivery-Id"), 1, Integer::sum);
                }
                String answerBody = answer.body();
                if (delay.isZero()) {
                    Content.Sink.write(response, true, answerBody, callback);
                } else {
                    // a slow receiver, without holding a server thread
                    delayer.schedule(() -> Content.Sink.write(response, true, answerBody, callback),
                            delay.toMillis(), TimeUnit.MILLISECONDS);
                }
                return true;
            }
        });
        server.start();
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** Answers the next requests with these, in order. */
    public void enqueue(Answer... next) {
        scripted.addAll(List.of(next));
    }

    /** Answers every request only after this delay. */
    public void delayAnswers(Duration by) {
        delay = by;
    }

    public void answerWith(Function<RecordedRequest, Answer> function) {
        answers = function;
    }

    public List<RecordedRequest> received() {
        return List.copyOf(received);
    }

    /** Deliveries answered 200, by {@code X-GMS-Delivery-Id}: a value above 1 is a duplicate. */
    public Map<String, Integer> completedByDelivery() {
        return Map.copyOf(completedByDelivery);
    }

    @Override
    public void close() throws Exception {
        delayer.shutdownNow();
        server.stop();
    }
}
