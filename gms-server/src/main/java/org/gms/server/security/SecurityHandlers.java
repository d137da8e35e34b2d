package org.gms.server.security;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.gms.server.config.ConfigHolder;
import org.gms.server.config.GmsConfig;
import org.gms.server.security.auth.AdminSessions;
import org.gms.server.security.auth.AdminUsers;
import org.gms.server.security.auth.AuthSettings;
import org.gms.server.security.auth.AuthenticationHandler;
import org.gms.server.security.auth.UsersFile;
import org.gms.server.security.headers.CrossOrigin;
import org.gms.server.security.headers.CustomHeadersHandler;
import org.gms.server.security.headers.HeaderSettings;
import org.gms.server.security.limit.RateLimitHandler;
import org.gms.server.security.limit.RateLimitSettings;
import org.gms.server.security.limit.RateLimiter;
import org.gms.server.security.limit.RequestSizeLimitHandler;
import org.gms.server.security.logging.LogFilterSettings;
import org.gms.server.security.logging.LogMasking;
import org.gms.server.security.logging.MaskedRequestLog;
import org.gms.server.security.logging.ParameterLogFilter;
import org.gms.server.security.ports.PortRestrictionHandler;
import org.gms.server.security.ports.PortRestrictions;
import org.gms.server.security.transport.HttpsRedirectHandler;

/**
 * The handler chain in front of the servlets, outermost first: HTTPS-only redirect, response headers (custom, per
 * path, HSTS), port restrictions (403), CORS (answers preflights), rate limit (429), authentication (401/403), request
 * size limit (413), then the {@code /genesys} context. Headers wrap the others so their answers carry them too.
 */
public final class SecurityHandlers {

    public static final String USERS_FILE = "users.ini";

    private SecurityHandlers() {
    }

    /**
     * {@code authentication}, {@code masking} and {@code users} are the server's own, shared with the CometD endpoint
     * and the access log, so each configuration change is read once (and each password hashed once).
     */
    public static Handler wrap(Server jetty, ConfigHolder config, ServletContextHandler context,
                               Supplier<AuthSettings> authentication, LogMasking masking, AdminUsers users,
                               AdminSessions sessions) {
        GmsConfig current = config.get();
        context.addFilter(new FilterHolder(new ParameterLogFilter(masking)), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        Supplier<SecuritySettings> security = config.settings(SecuritySettings::from);
        long maxBody = security.get().maxRequestSize();
        // 0 means no limit, Jetty's own 200,000-byte form limit included
        context.setMaxFormContentSize(maxBody > 0 ? (int) maxBody : -1);
        RequestSizeLimitHandler size = new RequestSizeLimitHandler(maxBody);
        size.setHandler(context);

        AuthenticationHandler credentials = new AuthenticationHandler(authentication, users, sessions);
        credentials.setHandler(size);
        RateLimitHandler rateLimit = new RateLimitHandler(config.settings(RateLimitSettings::from),
                new RateLimiter(System::nanoTime));
        rateLimit.setHandler(credentials);
        CrossOriginHandler cors = CrossOrigin.create(current.start());
        cors.setHandler(rateLimit);
        PortRestrictionHandler ports = new PortRestrictionHandler(config.settings(PortRestrictions::from));
        ports.setHandler(cors);
        CustomHeadersHandler headers = new CustomHeadersHandler(config.settings(HeaderSettings::from));
        headers.setHandler(ports);
        HttpsRedirectHandler redirect = new HttpsRedirectHandler(security, () -> SecurityConnectors.httpsPort(jetty));
        redirect.setHandler(headers);
        return redirect;
    }

    /** The users of {@code etc/users.ini}, shared by the API and the CometD handshakes. */
    public static AdminUsers users(GmsConfig config) {
        return new AdminUsers(new UsersFile(config.configDir().resolve(USERS_FILE)));
    }

    /** The log masking of the current configuration. */
    public static LogMasking masking(ConfigHolder config) {
        return new LogMasking(config.settings(LogFilterSettings::from));
    }

    /** The access log, with secrets and masked parameters kept out of it. */
    public static RequestLog requestLog(LogMasking masking, String loggerName) {
        return new MaskedRequestLog(loggerName, masking);
    }
}
