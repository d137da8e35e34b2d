package org.gms.server.chat;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.client.BayeuxClient;
import org.cometd.client.websocket.jakarta.WebSocketTransport;
import org.cometd.server.BayeuxServerImpl;
import org.cometd.server.http.JSONHttpTransport;
import org.cometd.server.http.jakarta.CometDServlet;
import org.cometd.server.websocket.jetty.JettyWebSocketTransport;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.gms.server.GmsServer;
import org.gms.server.HttpTestClient;
import org.gms.server.TestServers;
import org.gms.storage.chat.ChatRepository;
import org.gms.storage.chat.StoredChatEvent;
import org.gms.storage.test.BenchRows;
import org.gms.storage.test.TestCassandra;

/**
 * Chat message round trips over CometD WebSocket: a customer publishes {@code sendMessage} and waits for its own
 * {@code Message} event to come back on the channel (stored in the transcript with its index taken by a lightweight
 * transaction, then delivered), against two baselines on a Jetty of their own in the same JVM, same clients, same
 * concurrency: a bare CometD echo service, and an echo that first stores the message as the engine's DAO stores an
 * event (the same lightweight transaction, nothing else), so that a reader sees what the durable write costs and
 * what the engine costs beyond it. Prints round trips per second, p50/p99 and the ratios (goal 0.8 of the bare
 * echo). With a third argument, first opens that many chats over REST (waiting in their queue, kept open) and
 * prints the rate and the heap they hold. Not a test: {@code scripts/gms bench chat} runs it (see README).
 * Arguments: [chats (1)] [messages per chat (200)] [open chats (0)].
 */
public final class ChatBenchmark {

    private static final double RATIO_GOAL = 0.8;
    private static final long WAIT_SECONDS = 30;
    private static final String CHAT_CHANNEL = "/service/chatV2/bench";

    private ChatBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        int chats = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 1;
        int messages = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 200;
        int open = arguments.length > 2 ? Integer.parseInt(arguments[2]) : 0;
        GmsServer server = TestServers.builder()
                .option("chat", "messages-per-second", "10000")
                .option("chat", "transcript-max-events", "1000000")
                .option("chat", "chat_session_request_timeout", "3600000")
                .option("chat", "max-open-chats", Integer.toString(Math.max(10_000, open + 1_000)))
                .start();
        if (open > 0) {
            openChats(server, open);
        }
        Server echo = echoServer();
        try {
            String gmsUrl = server.localUri() + "/cometd";
            String echoUrl = "http://127.0.0.1:" + ((ServerConnector) echo.getConnectors()[0]).getLocalPort()
                    + "/cometd";
            // warm-up of both paths, not counted
            run(gmsUrl, CHAT_CHANNEL, chats, Math.max(10, messages / 10));
            run(echoUrl, "/service/echo", chats, Math.max(10, messages / 10));
            run(echoUrl, "/service/stored-echo", chats, Math.max(10, messages / 10));
            long cpu = cpuMillis();
            Result ours = run(gmsUrl, CHAT_CHANNEL, chats, messages);
            long cpuOurs = cpuMillis() - cpu;
            Result bare = run(echoUrl, "/service/echo", chats, messages);
            Result stored = run(echoUrl, "/service/stored-echo", chats, messages);
            double ratio = ours.perSecond / bare.perSecond;
            System.out.printf("%nchat round trips over CometD WebSocket, %d chats x %d messages (%d cores, this JVM"
                    + " %.1f s CPU for ours)%n", chats, messages, Runtime.getRuntime().availableProcessors(),
                    cpuOurs / 1000.0);
            System.out.printf("| path | round trips/s | p50 ms | p99 ms |%n|---|---|---|---|%n");
            System.out.printf("| chat engine | %.0f | %.1f | %.1f |%n", ours.perSecond, ours.p50, ours.p99);
            System.out.printf("| bare CometD echo | %.0f | %.1f | %.1f |%n", bare.perSecond, bare.p50, bare.p99);
            System.out.printf("| CometD echo after one LWT insert | %.0f | %.1f | %.1f |%n", stored.perSecond,
                    stored.p50, stored.p99);
            System.out.printf("ratio to the bare echo %.2f (goal >= %.1f): %s%n", ratio, RATIO_GOAL,
                    ratio >= RATIO_GOAL ? "pass" : "short");
            System.out.printf("ratio to the echo after one LWT insert %.2f%n", ours.perSecond / stored.perSecond);
            BenchRows.print(BenchRows.relative("chat round trips", ours.perSecond, bare.perSecond, "round trips/s",
                    RATIO_GOAL, "bare CometD echo"));
        } finally {
            echo.stop();
            server.stop();
        }
        System.exit(0);
    }

    record Result(double perSecond, double p50, double p99) {
    }

    /**
     * Opens {@code count} chats over REST (8 at a time), each waiting in its queue, and prints the rate, the p99 of
     * a request and the heap they hold (used heap after a full GC, before and after; the chats stay open for the
     * round trips that follow).
     */
    private static void openChats(GmsServer server, int count) throws Exception {
        long before = usedHeapAfterGc();
        HttpTestClient http = new HttpTestClient(server);
        ExecutorService customers = Executors.newFixedThreadPool(8);
        List<Future<Long>> requests = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String nickname = "open" + i;
            requests.add(customers.submit(() -> {
                long sent = System.nanoTime();
                var answer = http.postForm("/2/chat/bench-open", Map.of("nickname", nickname, "subject", "scale"));
                if (answer.statusCode() != 200 || !answer.body().contains("\"statusCode\":0")) {
                    throw new IllegalStateException("chat not opened: " + answer.body());
                }
                return System.nanoTime() - sent;
            }));
        }
        List<Long> latencies = new ArrayList<>();
        for (Future<Long> request : requests) {
            latencies.add(request.get(10, TimeUnit.MINUTES));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        customers.shutdown();
        Collections.sort(latencies);
        long after = usedHeapAfterGc();
        System.out.printf("%n%d open chats: %.0f requestChat/s, p50 %.1f ms, p99 %.1f ms; heap %d MB -> %d MB"
                + " (%.1f KB per open chat, max heap %d MB)%n", count, count / seconds,
                latencies.get(latencies.size() / 2) / 1e6, latencies.get((int) (latencies.size() * 0.99)) / 1e6,
                before >> 20, after >> 20, (after - before) / 1024.0 / count,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static Result run(String url, String channel, int chats, int messages)
            throws Exception {
        ExecutorService customers = Executors.newFixedThreadPool(chats);
        List<Future<List<Long>>> runs = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < chats; i++) {
            int customer = i;
            runs.add(customers.submit(() -> customer(url, channel, customer, messages)));
        }
        List<Long> latencies = new ArrayList<>();
        for (Future<List<Long>> run : runs) {
            latencies.addAll(run.get(10, TimeUnit.MINUTES));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        customers.shutdown();
        Collections.sort(latencies);
        return new Result(latencies.size() / seconds, latencies.get(latencies.size() / 2) / 1e6,
                latencies.get((int) (latencies.size() * 0.99)) / 1e6);
    }

    /** One customer: a chat (or an echo session), then {@code messages} round trips, each timed. */
    private static List<Long> customer(String url, String channel, int customer, int messages) throws Exception {
        // a WebSocket client of its own per customer, started and stopped here: customers sharing one container
        // saw their handshakes fail at times with "WebSocketCoreClient is not started"
        WebSocketContainer webSockets = ContainerProvider.getWebSocketContainer();
        org.eclipse.jetty.util.component.LifeCycle.start(webSockets);
        try {
            return customer(url, channel, customer, messages, webSockets);
        } finally {
            org.eclipse.jetty.util.component.LifeCycle.stop(webSockets);
        }
    }

    private static List<Long> customer(String url, String channel, int customer, int messages,
                                       WebSocketContainer webSockets) throws Exception {
        BayeuxClient client = new BayeuxClient(url, new WebSocketTransport(null, null, webSockets));
        boolean chat = channel.equals(CHAT_CHANNEL);
        BlockingQueue<String> texts = new ArrayBlockingQueue<>(10_000);
        CompletableFuture<String> key = new CompletableFuture<>();
        List<Object> early = Collections.synchronizedList(new ArrayList<>());
        for (String meta : List.of("/meta/handshake", "/meta/connect", "/meta/disconnect")) {
            client.getChannel(meta).addListener((org.cometd.bayeux.client.ClientSessionChannel.MessageListener)
                    (ignored, reply) -> {
                        if (!reply.isSuccessful()) {
                            System.err.printf("%s customer %d: unsuccessful %s: %s%n", Instant.now(), customer,
                                    meta, reply);
                        }
                    });
        }
        CompletableFuture<Object> handshake = new CompletableFuture<>();
        client.handshake(reply -> handshake.complete(reply));
        handshake.get(WAIT_SECONDS, TimeUnit.SECONDS);
        client.waitFor(WAIT_SECONDS * 1000, BayeuxClient.State.CONNECTED);
        CompletableFuture<Object> subscribed = new CompletableFuture<>();
        client.getChannel(channel).subscribe((ignored, message) -> {
            Map<String, Object> data = message.getDataAsMap();
            if (data.get("secureKey") instanceof String secureKey) {
                key.complete(secureKey);
            } else if (!key.isDone()) {
                early.add(data);
            }
            Object events = data.get("messages");
            if (events instanceof Object[] array) {
                for (Object event : array) {
                    Object text = ((Map<?, ?>) event).get("text");
                    if ("Message".equals(((Map<?, ?>) event).get("type")) && text != null) {
                        texts.add(text.toString());
                    }
                }
            } else if (data.get("text") != null) {
                texts.add(data.get("text").toString());
            }
        }, subscribed::complete);
        subscribed.get(WAIT_SECONDS, TimeUnit.SECONDS);
        String secureKey = "";
        if (chat) {
            client.getChannel(channel).publish(Map.of("operation", "requestChat", "nickname", "bench" + customer));
            try {
                secureKey = key.get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                dumpThreads();
                throw new IllegalStateException("no answer to requestChat within " + WAIT_SECONDS + " s (client "
                        + client.getId() + (client.isConnected() ? ", connected" : ", not connected") + ", got " + early + ")", e);
            }
        }
        List<Long> latencies = new ArrayList<>(messages);
        for (int i = 0; i < messages; i++) {
            String text = customer + "-" + i;
            long sent = System.nanoTime();
            client.getChannel(channel).publish(chat
                    ? Map.of("operation", "sendMessage", "secureKey", secureKey, "message", text)
                    : Map.of("text", text));
            while (true) {
                String received = texts.poll(WAIT_SECONDS, TimeUnit.SECONDS);
                if (received == null) {
                    dumpThreads();
                    throw new IllegalStateException("no answer within " + WAIT_SECONDS + " s on " + url
                            + " for message " + text);
                }
                if (received.equals(text)) {
                    break;
                }
            }
            latencies.add(System.nanoTime() - sent);
        }
        if (chat) {
            client.getChannel(channel).publish(Map.of("operation", "disconnect", "secureKey", secureKey));
        }
        client.disconnect(1000);
        return latencies;
    }

    /** The baseline: Jetty and CometD as the server wires them, with a service that echoes each message. */
    private static Server echoServer() throws Exception {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.SESSIONS);
        context.insertHandler(WebSocketUpgradeHandler.from(jetty, context));
        BayeuxServerImpl bayeux = new BayeuxServerImpl();
        bayeux.setOption(BayeuxServerImpl.TRANSPORTS_OPTION,
                JettyWebSocketTransport.class.getName() + "," + JSONHttpTransport.class.getName());
        bayeux.setOption("ws.cometdURLMapping", "/cometd/*");
        bayeux.setOption(org.eclipse.jetty.server.Context.class.getName(), context.getContext());
        context.setAttribute(BayeuxServer.ATTRIBUTE, bayeux);
        ServletHolder servlet = new ServletHolder("cometd", CometDServlet.class);
        servlet.setInitOrder(1);
        context.addServlet(servlet, "/cometd/*");
        jetty.setHandler(context);
        jetty.start();
        var sender = bayeux.newLocalSession("echo");
        sender.handshake();
        bayeux.createChannelIfAbsent("/service/echo").getReference().addListener(
                new ServerChannel.MessageListener() {
                    @Override
                    public boolean onMessage(ServerSession from, ServerChannel channel,
                                             ServerMessage.Mutable message) {
                        from.deliver(sender, channel.getId(), message.getDataAsMap(), org.cometd.bayeux.Promise.noop());
                        return true;
                    }
                });
        ChatRepository chats = TestCassandra.get().chats();
        bayeux.createChannelIfAbsent("/service/stored-echo").getReference().addListener(
                new ServerChannel.MessageListener() {
                    @Override
                    public boolean onMessage(ServerSession from, ServerChannel channel,
                                             ServerMessage.Mutable message) {
                        // one transcript per session, its next index kept in the session
                        String chatId = "echo-" + from.getId();
                        Object last = from.getAttribute("index");
                        int index = last == null ? 1 : (Integer) last + 1;
                        from.setAttribute("index", index);
                        Map<String, Object> data = message.getDataAsMap();
                        chats.appendAsync(new StoredChatEvent(chatId, index, "Message", 1, "Client", "echo",
                                String.valueOf(data.get("text")), "", Instant.now(), Map.of()), 3600)
                                .whenComplete((applied, error) -> from.deliver(sender, channel.getId(), data,
                                        org.cometd.bayeux.Promise.noop()));
                        return true;
                    }
                });
        return jetty;
    }

    /** What every thread of the JVM (the server's included) was doing when an answer did not come. */
    private static void dumpThreads() {
        StringBuilder dump = new StringBuilder("threads when an answer did not come:\n");
        for (var info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append(info.getThreadName()).append(' ').append(info.getThreadState()).append('\n');
            for (StackTraceElement frame : info.getStackTrace()) {
                dump.append("    at ").append(frame).append('\n');
            }
        }
        System.err.println(dump);
    }

    private static long cpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }
}
