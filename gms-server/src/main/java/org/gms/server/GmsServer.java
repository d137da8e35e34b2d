package org.gms.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.session.DefaultSessionIdManager;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.gms.callback.CallbackFeature;
import org.gms.callback.config.CallbackSettings;
import org.gms.callback.events.CallbackEvents;
import org.gms.callback.ors.OrsSettings;
import org.gms.chat.ChatFeature;
import org.gms.chat.cluster.ChatWakeups;
import org.gms.chat.cometd.AgentCometService;
import org.gms.chat.cometd.ChatCometService;
import org.gms.chat.config.ChatSettings;
import org.gms.chat.push.ChatPush;
import org.gms.core.feature.Feature;
import org.gms.core.http.ErrorMapper;
import org.gms.core.http.Json;
import org.gms.core.http.Responses;
import org.gms.push.PushFeature;
import org.gms.push.config.HttpSettings;
import org.gms.push.config.NotificationSettings;
import org.gms.push.config.PushSettings;
import org.gms.push.engine.EngineSettings;
import org.gms.server.cluster.Cluster;
import org.gms.server.cluster.ClusterSettings;
import org.gms.server.cometd.ChatCometCredentials;
import org.gms.server.cometd.CometdEndpoint;
import org.gms.server.config.AdminConfigServlet;
import org.gms.server.config.ConfigHolder;
import org.gms.server.config.ConfigWatcher;
import org.gms.server.config.GmsConfig;
import org.gms.server.config.StartProperties;
import org.gms.server.console.ConsoleServlet;
import org.gms.server.console.ConsoleSettings;
import org.gms.server.http.ContainerErrors;
import org.gms.server.http.FeatureMount;
import org.gms.server.http.JsonErrorHandler;
import org.gms.server.http.NotFoundServlet;
import org.gms.server.http.RequestIds;
import org.gms.server.http.ServletJsonErrorHandler;
import org.gms.server.logging.LogLevels;
import org.gms.server.node.NodeFeature;
import org.gms.server.node.NodeStatus;
import org.gms.server.node.StartupChecks;
import org.gms.server.security.SecurityConnectors;
import org.gms.server.security.SecurityHandlers;
import org.gms.server.security.auth.AdminSessions;
import org.gms.server.security.auth.AdminUsers;
import org.gms.server.security.auth.AuthSettings;
import org.gms.server.security.logging.LogMasking;
import org.gms.server.service.ServiceFeature;
import org.gms.server.service.ServiceSettings;
import org.gms.server.storage.StorageApiSettings;
import org.gms.server.storage.StorageFeature;
import org.gms.storage.CassandraSettings;
import org.gms.storage.StorageEnvironment;
import org.gms.storage.cassandra.CassandraStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node: Jetty 12 with the {@code /genesys} context, the storage and every feature. {@link #create} returns it
 * unstarted; {@code Main} and the tests start it.
 */
public final class GmsServer {

    private static final Logger LOG = LoggerFactory.getLogger(GmsServer.class);
    public static final String ACCESS_LOG = "org.gms.access";

    private final Server jetty;
    private final ServerConnector http;
    private final NodeStatus nodeStatus;
    private final ServerSettings settings;
    private final Supplier<ServerSettings> current;
    private final Cluster cluster;

    private GmsServer(Server jetty, ServerConnector http, NodeStatus nodeStatus, Supplier<ServerSettings> current,
                      Cluster cluster) {
        this.jetty = jetty;
        this.http = http;
        this.nodeStatus = nodeStatus;
        this.settings = current.get();
        this.current = current;
        this.cluster = cluster;
    }

    public static GmsServer create(ConfigHolder config) {
        return create(config, Clock.systemUTC(), StorageEnvironment.forServer(config.get().home(), config.get().logDir()));
    }

    /**
     * The server, unstarted: Jetty with its connectors and handler chain, the storage bean, then every feature in
     * start order, then the configuration watcher. Beans start in the order they were added and stop in reverse.
     */
    public static GmsServer create(ConfigHolder config, Clock clock, StorageEnvironment environment) {
        GmsConfig current = config.get();
        LogLevels.quietClientNoise();
        // the files as loaded: a change written while the node starts is applied once the watcher runs
        Optional<ConfigWatcher> watcher = config.loader().map(loader -> new ConfigWatcher(loader, config));
        StartProperties start = current.start();
        Supplier<ServerSettings> server = config.settings(ServerSettings::from);
        ServerSettings settings = server.get();

        QueuedThreadPool threads = new QueuedThreadPool(start.integer("jetty.threadPool.maxThreads"),
                start.integer("jetty.threadPool.minThreads"));
        threads.setName("http");
        Server jetty = new Server(threads);
        jetty.setStopTimeout(Duration.ofSeconds(15).toMillis());
        ErrorMapper errors = ContainerErrors.mapper();
        jetty.setErrorHandler(new JsonErrorHandler(errors));
        LogMasking masking = SecurityHandlers.masking(config);
        Supplier<AuthSettings> authentication = config.settings(AuthSettings::from);
        jetty.setRequestLog(SecurityHandlers.requestLog(masking, ACCESS_LOG));

        HttpConfiguration httpConfig = new HttpConfiguration();
        httpConfig.setSendServerVersion(false);
        httpConfig.setSendXPoweredBy(false);
        httpConfig.setRequestHeaderSize(start.integer("jetty.httpConfig.requestHeaderSize"));
        httpConfig.setResponseHeaderSize(start.integer("jetty.httpConfig.responseHeaderSize"));
        ServerConnector http = new ServerConnector(jetty, new HttpConnectionFactory(httpConfig));
        http.setName("http");
        http.setPort(start.integer(StartProperties.HTTP_PORT));
        String host = start.get(StartProperties.HTTP_HOST);
        http.setHost(host.isBlank() ? null : host);
        http.setIdleTimeout(start.integer(StartProperties.HTTP_IDLE_TIMEOUT));
        jetty.addConnector(http);
        SecurityConnectors.addTo(jetty, current, httpConfig, http);
        // session ids end with ".node<id>", so a load balancer can route a session back to its node
        DefaultSessionIdManager sessionIds = new DefaultSessionIdManager(jetty);
        sessionIds.setWorkerName("node" + settings.nodeId());
        jetty.addBean(sessionIds, true);

        // the storage starts before every feature and stops after them
        CassandraStorage storage = new CassandraStorage(CassandraSettings.from(current), environment);
        jetty.addBean(storage);
        NodeStatus nodeStatus = new NodeStatus(storage);
        Responses responses = new Responses(() -> server.get().cacheSeconds(), errors);
        ServletContextHandler context = new ServletContextHandler(ServerSettings.CONTEXT_PATH,
                ServletContextHandler.SESSIONS);
        context.setErrorHandler(new ServletJsonErrorHandler(errors));
        context.addServlet(new ServletHolder(new NotFoundServlet(responses)), "/");
        ServletHolder console = new ServletHolder(new ConsoleServlet(responses,
                config.settings(ConsoleSettings::from)));
        for (String path : List.of("/home/*", "/login.jsp", "/index.jsp", "/admin/login.jsp", "/admin/index.jsp")) {
            context.addServlet(console, path);
        }
        context.addServlet(new ServletHolder(new AdminConfigServlet(responses, config)), AdminConfigServlet.PATH);
        AdminUsers users = SecurityHandlers.users(current);
        AdminSessions sessions = new AdminSessions(clock);
        CometdEndpoint cometd = CometdEndpoint.install(jetty, context, authentication, users, sessions);

        Cluster cluster = new Cluster(ClusterSettings.from(current), settings.nodeId(), clock, nodeStatus, storage,
                responses);
        StorageFeature documents = new StorageFeature(storage, config.settings(StorageApiSettings::from), server,
                clock, responses);
        ServiceFeature services = new ServiceFeature(storage, documents, config.settings(ServiceSettings::from), clock,
                responses);
        PushFeature push = new PushFeature(storage, () -> PushSettings.from(config.get()),
                config.settings(NotificationSettings::from), cometd, clock,
                EngineSettings.defaults("node" + settings.nodeId() + "-" + UUID.randomUUID()), responses);
        Supplier<CallbackSettings> callbackSettings = config.settings(CallbackSettings::from);
        CallbackFeature callbacks = new CallbackFeature(storage, cluster, callbackSettings,
                HttpSettings.from(current), clock, responses, services::newServiceId,
                config.settings(OrsSettings::from));
        services.queuePositions(id -> callbacks.running().queries().position(id));
        services.otherInstances(id -> callbacks.isStarted() ? callbacks.engine().queries().asInstance(id) : Optional.empty());
        services.ors(callbacks.ors());
        callbacks.services(services::run);
        // a bean of the push feature: it starts once the push engine runs and drains before the engine stops, so
        // it is up during the whole life of the callback feature, which starts after push and stops before it
        CallbackEvents events = new CallbackEvents(callbackSettings, push::notifications, clock);
        push.addBean(events);
        callbacks.listener(events);
        Supplier<ChatSettings> chatSettings = config.settings(ChatSettings::from);
        ChatFeature chat = new ChatFeature(storage, cluster, chatSettings, clock, responses,
                Integer.toString(settings.nodeId()));
        ChatWakeups wakeups = chatWakeups(cluster, settings.nodeId(), chat);
        chat.nodes(wakeups);
        chat.addBean(wakeups);
        // chat over CometD and the agents' channel: beans of the chat feature, started once its engine is built
        ChatCometService chatComet = new ChatCometService(cometd.bayeux(), chat::engine, chat.answers(), chatSettings,
                new ChatCometCredentials(authentication));
        AgentCometService agentComet = new AgentCometService(cometd.bayeux(), chat::engine, chatSettings);
        chat.listener(chatComet).listener(agentComet);
        chat.addBean(chatComet);
        chat.addBean(agentComet);
        // mobile push of the agents' events, while no CometD session of the chat is attached here
        ChatPush chatPush = new ChatPush(push::notifications, service -> chatSettings.get().service(service),
                chatComet::attached);
        chat.addBean(chatPush);
        chat.listener(chatPush);
        Path uploads = uploadDirectory(current);
        List<Feature> features = List.of(new NodeFeature(responses, nodeStatus), cluster, documents, services,
                push, callbacks, chat);
        for (Feature feature : features) {
            feature.mount(new FeatureMount(context, responses, feature, uploads));
            jetty.addBean(feature);
        }
        Handler chain = SecurityHandlers.wrap(jetty, config, context, authentication, masking, users,
                sessions);
        jetty.setHandler(new RequestIds(settings.nodeId(), chain));
        watcher.ifPresent(jetty::addBean);
        return new GmsServer(jetty, http, nodeStatus, server, cluster);
    }

    /** {@code [server] upload-temp-dir}, created when missing. */
    private static Path uploadDirectory(GmsConfig config) {
        Path uploads = ServerSettings.uploadDirectory(config);
        try {
            return Files.createDirectories(uploads);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the upload folder [" + uploads + "] of [server]"
                    + " upload-temp-dir", e);
        }
    }

    /**
     * Chat wake-ups over the internal API: this node posts {@code chat-wake} to the other live nodes, and serves it
     * by telling its chat engine.
     */
    private static ChatWakeups chatWakeups(Cluster cluster, int nodeId, ChatFeature chat) {
        cluster.internal().register(ChatWakeups.OPERATION, request -> {
            String chatId = Json.MAPPER.readTree(request.getInputStream()).path("chatId").asText("");
            if (!chatId.isEmpty() && chat.isStarted()) {
                chat.running().woken(chatId);
            }
            return Map.of("woken", chatId);
        });
        return new ChatWakeups(() -> cluster.members().values().stream().filter(node -> node.nodeId() != nodeId)
                .map(node -> URI.create(node.url())).toList(),
                (node, chatId) -> cluster.client().post(node, ChatWakeups.OPERATION,
                        new String(Json.bytes(Map.of("chatId", chatId)), java.nio.charset.StandardCharsets.UTF_8)));
    }

    public void start() throws Exception {
        long started = System.nanoTime();
        try {
            jetty.start();
        } catch (Exception e) {
            stopQuietly();
            throw e;
        }
        try {
            StartupChecks.requireExternalPort(settings, httpPort(), httpsPort());
            cluster.join(nodeUrl(), version());
        } catch (Exception e) {
            // whatever failed (a refused node id, Cassandra lost while joining), stop what started, the embedded
            // Cassandra node included, before the caller exits
            stopQuietly();
            throw e;
        }
        LOG.info("GMS node {} started in {} ms: {} (HTTP port {})", settings.nodeId(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), nodeUrl(), httpPort());
        CompletableFuture.runAsync(() -> StartupChecks.probe(nodeUrl()));
    }

    /** Suspends the node, waits {@code [sml] suspending-wait-timeout} so load balancers drain it, then stops. */
    public void stopGracefully() throws Exception {
        nodeStatus.suspend();
        long seconds = current.get().suspendingWait().toSeconds();
        LOG.info("Stopping: node is OFFLINE, waiting {} s for load balancers to drain it", seconds);
        TimeUnit.SECONDS.sleep(seconds);
        stop();
    }

    public void stop() throws Exception {
        jetty.stop();
        LOG.info("GMS node {} stopped", settings.nodeId());
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    public int httpPort() {
        return http.getLocalPort();
    }

    /** The HTTPS port, or -1 when no keystore is configured. */
    public int httpsPort() {
        return SecurityConnectors.httpsPort(jetty);
    }

    /** {@code http://127.0.0.1:<port>/genesys}, for tests and tools on this host. */
    public URI localUri() {
        return URI.create("http://127.0.0.1:" + httpPort() + ServerSettings.CONTEXT_PATH);
    }

    public URI nodeUrl() {
        return settings.nodeUrl(httpPort(), httpsPort());
    }

    public NodeStatus nodeStatus() {
        return nodeStatus;
    }

    /** The node's cluster membership, job engine and internal API. */
    public Cluster cluster() {
        return cluster;
    }

    /** The version of the packaged server ({@code development} when run from classes). */
    public static String version() {
        String version = GmsServer.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    public boolean isStarted() {
        return jetty.isStarted();
    }

    private void stopQuietly() {
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("Error while stopping after a failed start: {}", e.toString());
        }
    }
}
