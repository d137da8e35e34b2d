package org.gms.server.cometd;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.cometd.bayeux.server.BayeuxContext;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.DefaultSecurityPolicy;
import org.gms.core.http.Caller;
import org.gms.push.api.CometDelivery;
import org.gms.server.security.auth.AccessRule;
import org.gms.server.security.auth.AdminSessions;
import org.gms.server.security.auth.AdminUser;
import org.gms.server.security.auth.AdminUsers;
import org.gms.server.security.auth.AuthSettings;
import org.gms.server.security.auth.BasicCredentials;
import org.gms.server.security.auth.PasswordChecksBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may do what on {@code /genesys/cometd}. A handshake needs the Basic credentials of the notification API when
 * {@code [notification]} or {@code [server]} has a password (read per handshake: the options apply at once).
 * A handshake may instead carry the credentials of a user of {@code etc/users.ini} (an agent), in
 * {@code ext.gms_agent: {username, password}} or in its {@code Authorization} header: the session then holds that
 * user as its {@link Caller} (session attribute {@link Caller#ATTRIBUTE}) for the agent channel, and wrong ones
 * refuse the handshake. The console's pages hand shake with their session cookie and its CSRF token in
 * {@code ext.csrf}: the session's user becomes the caller the same way.
 * {@code /_genesys} carries the server's push notifications: a client may subscribe to it but never publish on it, or
 * it could send forged notifications to every connected user.
 */
final class CometSecurityPolicy extends DefaultSecurityPolicy {

    static final String NOTIFICATION_PATH = AccessRule.CONTEXT + "/1/notification";
    private static final Logger LOG = LoggerFactory.getLogger(CometSecurityPolicy.class);

    static final String AGENT_EXT = "gms_agent";
    static final String CSRF_EXT = "csrf";

    private final Supplier<AuthSettings> settings;
    private final AdminUsers users;
    private final AdminSessions sessions;

    CometSecurityPolicy(Supplier<AuthSettings> settings, AdminUsers users, AdminSessions sessions) {
        this.settings = settings;
        this.users = users;
        this.sessions = sessions;
    }

    @Override
    public boolean canHandshake(BayeuxServer server, ServerSession session, ServerMessage message) {
        if (session.isLocalSession()) {
            return true;
        }
        BayeuxContext context = message.getBayeuxContext();
        String header = context == null ? null : context.getHeader("Authorization");
        Optional<AdminSessions.Active> console = consoleSession(context, message);
        if (console.isPresent()) {
            AdminUser user = console.get().user();
            session.setAttribute(Caller.ATTRIBUTE, new Caller(user.name(), user.role().label(), user.queues()));
            return super.canHandshake(server, session, message);
        }
        Optional<BasicCredentials> agent = agentExt(message);
        if (agent.isPresent()) {
            return agent(session, agent.get()) && super.canHandshake(server, session, message);
        }
        Optional<BasicCredentials> given = BasicCredentials.parse(header);
        boolean notification = AccessRule.of(NOTIFICATION_PATH, settings.get()) instanceof AccessRule.Basic basic
                ? basic.accepts(given) : given.isEmpty();
        // credentials that are not the notification API's must be a user's
        if (!notification && (given.isEmpty() || !agent(session, given.get()))) {
            LOG.debug("CometD handshake refused: {}", header == null ? "no credentials" : "wrong credentials");
            return false;
        }
        return super.canHandshake(server, session, message);
    }

    /** Authenticates a user of users.ini and leaves it in the session; false for wrong credentials. */
    private boolean agent(ServerSession session, BasicCredentials credentials) {
        Optional<AdminUser> user;
        try {
            user = users.authenticate(credentials.username(), credentials.password());
        } catch (PasswordChecksBusyException e) {
            LOG.warn("CometD handshake refused for user {}: {}", credentials.username(), e.getMessage());
            return false;
        }
        if (user.isEmpty()) {
            LOG.info("CometD handshake refused for user {}: wrong credentials", credentials.username());
            return false;
        }
        session.setAttribute(Caller.ATTRIBUTE, new Caller(user.get().name(), user.get().role().label(),
                user.get().queues()));
        return true;
    }

    /**
     * The console's session: its cookie, with the session's CSRF token in {@code ext.csrf} of the handshake (a page of
     * another site can make the browser send the cookie, never read the token).
     */
    private Optional<AdminSessions.Active> consoleSession(BayeuxContext context, ServerMessage message) {
        String token = context == null ? null : context.getCookie(AdminSessions.COOKIE);
        Map<String, Object> ext = message.getExt();
        if (token == null || ext == null || !(ext.get(CSRF_EXT) instanceof String csrf)) {
            return Optional.empty();
        }
        AuthSettings current = settings.get();
        return sessions.use(token, current.sessionTimeout())
                .filter(session -> session.csrfMatches(csrf))
                .filter(session -> users.unchanged(session.user(), current.server().password()));
    }

    private static Optional<BasicCredentials> agentExt(ServerMessage message) {
        Map<String, Object> ext = message.getExt();
        if (ext == null || !(ext.get(AGENT_EXT) instanceof Map<?, ?> fields)) {
            return Optional.empty();
        }
        Object username = fields.get("username");
        Object password = fields.get("password");
        return Optional.of(new BasicCredentials(username == null ? "" : username.toString(),
                password == null ? "" : password.toString()));
    }

    @Override
    public boolean canPublish(BayeuxServer server, ServerSession session, ServerChannel channel,
                              ServerMessage message) {
        if (session != null && !session.isLocalSession() && isServerChannel(channel.getId())) {
            LOG.debug("CometD session {} may not publish on {}", session.getId(), channel.getId());
            return false;
        }
        return super.canPublish(server, session, channel, message);
    }

    static boolean isServerChannel(String channel) {
        return channel.equals(CometDelivery.CHANNEL) || channel.startsWith(CometDelivery.CHANNEL + "/");
    }
}
