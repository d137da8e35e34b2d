package org.gms.server.cometd;

import java.util.function.Supplier;
import org.cometd.bayeux.server.BayeuxContext;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.DefaultSecurityPolicy;
import org.gms.push.api.CometDelivery;
import org.gms.server.security.auth.AccessRule;
import org.gms.server.security.auth.AuthSettings;
import org.gms.server.security.auth.BasicCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may do what on {@code /genesys/cometd}. A handshake needs the Basic credentials of the notification API when
 * {@code [notification]} or {@code [server]} has a password (read per handshake: the options apply at once).
 * {@code /_genesys} carries the server's push notifications: a client may subscribe to it but never publish on it, or
 * it could send forged notifications to every connected user.
 */
final class CometSecurityPolicy extends DefaultSecurityPolicy {

    static final String NOTIFICATION_PATH = AccessRule.CONTEXT + "/1/notification";
    private static final Logger LOG = LoggerFactory.getLogger(CometSecurityPolicy.class);

    private final Supplier<AuthSettings> settings;

    CometSecurityPolicy(Supplier<AuthSettings> settings) {
        this.settings = settings;
    }

    @Override
    public boolean canHandshake(BayeuxServer server, ServerSession session, ServerMessage message) {
        if (session.isLocalSession()) {
            return true;
        }
        if (AccessRule.of(NOTIFICATION_PATH, settings.get()) instanceof AccessRule.Basic basic) {
            BayeuxContext context = message.getBayeuxContext();
            String header = context == null ? null : context.getHeader("Authorization");
            if (!basic.accepts(BasicCredentials.parse(header))) {
                LOG.debug("CometD handshake refused: {}", header == null ? "no credentials" : "wrong credentials");
                return false;
            }
        }
        return super.canHandshake(server, session, message);
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
