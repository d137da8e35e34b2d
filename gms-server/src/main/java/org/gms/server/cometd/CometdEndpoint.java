package org.gms.server.cometd;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.BayeuxContext;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.LocalSession;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.BayeuxServerImpl;
import org.cometd.server.http.jakarta.CometDServlet;
import org.cometd.server.websocket.jetty.JettyWebSocketTransport;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.component.Graceful;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.gms.push.api.CometDelivery;
import org.gms.server.security.auth.AdminSessions;
import org.gms.server.security.auth.AdminUsers;
import org.gms.server.security.auth.AuthSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CometD endpoint {@code /genesys/cometd} (WebSocket and HTTP long polling). A client names its user with the
 * {@code gms_user} header of the handshake request (or {@code ext.gms_user} in the handshake message); comet push
 * notifications reach that user's sessions on channel {@code /_genesys}, where clients may not publish.
 */
public final class CometdEndpoint implements CometDelivery, BayeuxServer.SessionListener {

    private static final Logger LOG = LoggerFactory.getLogger(CometdEndpoint.class);
    private static final String USER = "gms_user";

    private final BayeuxServerImpl bayeux;
    private final Map<String, Set<ServerSession>> sessionsByUser = new ConcurrentHashMap<>();
    private volatile LocalSession sender;

    private CometdEndpoint(BayeuxServerImpl bayeux) {
        this.bayeux = bayeux;
    }

    /**
     * Mounts the endpoint at {@code /cometd/*} of the context, guarded by {@link CometSecurityPolicy}; the server stops
     * it.
     */
    public static CometdEndpoint install(Server server, ServletContextHandler context,
                                         Supplier<AuthSettings> authentication, AdminUsers users,
                                         AdminSessions sessions) {
        context.insertHandler(WebSocketUpgradeHandler.from(server, context));
        BayeuxServerImpl bayeux = new BayeuxServerImpl();
        bayeux.setSecurityPolicy(new CometSecurityPolicy(authentication, users, sessions));
        bayeux.setOption(BayeuxServerImpl.TRANSPORTS_OPTION,
                JettyWebSocketTransport.class.getName() + "," + GmsJsonHttpTransport.class.getName());
        bayeux.setOption("ws.cometdURLMapping", "/cometd/*");
        bayeux.setOption("jsonContext", new GmsJsonContext());
        bayeux.setOption(org.eclipse.jetty.server.Context.class.getName(), context.getContext());
        context.setAttribute(BayeuxServer.ATTRIBUTE, bayeux);
        ServletHolder servlet = new ServletHolder("cometd", CometDServlet.class);
        servlet.setInitOrder(1);
        context.addServlet(servlet, "/cometd/*");
        CometdEndpoint endpoint = new CometdEndpoint(bayeux);
        bayeux.addListener(endpoint);
        // the servlet starts the Bayeux server it finds, but only stops one it created itself
        server.addBean(new Stopper(bayeux));
        return endpoint;
    }

    /**
     * Stops the Bayeux server. When the server shuts down, it first disconnects the remote sessions, so that the
     * long polls they hold end at once instead of keeping the graceful stop waiting until its timeout; a chat client
     * then handshakes again (on another node) and resumes from its position.
     */
    private static final class Stopper extends AbstractLifeCycle implements Graceful {

        private final BayeuxServerImpl bayeux;
        private volatile boolean shutdown;

        Stopper(BayeuxServerImpl bayeux) {
            this.bayeux = bayeux;
        }

        @Override
        public CompletableFuture<Void> shutdown() {
            shutdown = true;
            for (ServerSession session : bayeux.getSessions()) {
                if (!session.isLocalSession()) {
                    session.disconnect();
                }
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        protected void doStop() throws Exception {
            bayeux.stop();
        }
    }

    /** The Bayeux server, for the services of the features (the chat channels). */
    public BayeuxServer bayeux() {
        return bayeux;
    }

    @Override
    public void sessionAdded(ServerSession session, ServerMessage message) {
        String user = user(message);
        if (user == null || user.isBlank()) {
            return;
        }
        session.setAttribute(USER, user);
        sessionsByUser.computeIfAbsent(user, key -> ConcurrentHashMap.newKeySet()).add(session);
        LOG.debug("CometD session {} of user [{}] connected", session.getId(), user);
    }

    @Override
    public void sessionRemoved(ServerSession session, ServerMessage message, boolean timeout) {
        Object user = session.getAttribute(USER);
        if (user != null) {
            sessionsByUser.computeIfPresent(user.toString(), (key, sessions) -> {
                sessions.remove(session);
                return sessions.isEmpty() ? null : sessions;
            });
        }
    }

    @Override
    public CompletableFuture<Integer> deliver(String user, Map<String, Object> data) {
        Set<ServerSession> sessions = sessionsByUser.getOrDefault(user, Set.of());
        LocalSession from = sender();
        int reached = 0;
        for (ServerSession session : sessions) {
            session.deliver(from, CHANNEL, data, Promise.noop());
            reached++;
        }
        return CompletableFuture.completedFuture(reached);
    }

    private LocalSession sender() {
        LocalSession current = sender;
        if (current == null) {
            synchronized (this) {
                if (sender == null) {
                    LocalSession local = bayeux.newLocalSession("gms-push");
                    local.handshake();
                    sender = local;
                }
                current = sender;
            }
        }
        return current;
    }

    private static String user(ServerMessage message) {
        BayeuxContext context = message.getBayeuxContext();
        String header = context == null ? null : context.getHeader(USER);
        if (header != null) {
            return header;
        }
        Map<String, Object> ext = message.getExt();
        Object fromExt = ext == null ? null : ext.get(USER);
        return fromExt == null ? null : fromExt.toString();
    }
}
