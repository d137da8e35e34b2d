package org.gms.server.security.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.gms.core.http.Caller;
import org.gms.core.http.ErrorMapper;
import org.gms.server.security.ErrorAnswers;
import org.gms.server.security.RequestPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Basic authentication of the GMS APIs ({@link AccessRule}) and role checks of the admin API. A failure is 401 with
 * the realm and an empty body, as GMS answers. The admin API needs a user of {@code etc/users.ini} (or, while it has
 * none, the {@code [server]} credentials); no client is trusted for its address. The authenticated admin user is left
 * in the request attribute {@link #USER_ATTRIBUTE} for the servlets.
 */
public final class AuthenticationHandler extends Handler.Wrapper {

    public static final String USER_ATTRIBUTE = "org.gms.server.security.user";
    static final String NO_ADMIN_USER = "The admin API has no user: add one with scripts/gms adduser NAME"
            + " Administrator (or set a [server] password)";
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationHandler.class);

    private static final String SERVER_LOGIN = "server-password:";
    private final Supplier<AuthSettings> settings;
    private final AdminUsers users;
    private final AdminSessions sessions;

    public AuthenticationHandler(Supplier<AuthSettings> settings, AdminUsers users, AdminSessions sessions) {
        this.settings = settings;
        this.users = users;
        this.sessions = sessions;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        AuthSettings current = settings.get();
        String path = RequestPaths.of(request);
        AccessRule rule = AccessRule.of(path, current);
        if (rule instanceof AccessRule.Open) {
            return super.handle(request, response, callback);
        }
        Optional<BasicCredentials> credentials = BasicCredentials.parse(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        if (rule instanceof AccessRule.Basic basic) {
            if (basic.accepts(credentials)) {
                return super.handle(request, response, callback);
            }
            LOG.debug("{} {} refused: {}", request.getMethod(), path, credentials.isEmpty() ? "no credentials"
                    : "wrong credentials for user " + credentials.get().username());
            ErrorAnswers.unauthorized(response, callback, current.realm());
            return true;
        }
        return admin(request, response, callback, current, credentials);
    }

    private boolean admin(Request request, Response response, Callback callback, AuthSettings current,
                          Optional<BasicCredentials> credentials) throws Exception {
        if (users.isEmpty() && current.server().password().isEmpty()) {
            // nobody can log in, and no client is trusted for its address: a loopback peer may be this server's own
            // push client posting to a URL a remote subscriber chose
            ErrorAnswers.error(response, callback, ErrorMapper.body(new PermissionDeniedException(NO_ADMIN_USER)));
            return true;
        }
        Duration timeout = current.sessionTimeout();
        Optional<AdminUser> user = sessionUser(request, timeout, current);
        if (user.isEmpty() && credentials.isPresent()) {
            try {
                user = login(request, response, current, credentials.get(), timeout);
            } catch (PasswordChecksBusyException e) {
                LOG.warn("Login of user {} refused: {}", credentials.get().username(), e.getMessage());
                response.getHeaders().put(HttpHeader.RETRY_AFTER, 1);
                ErrorAnswers.error(response, callback, ErrorMapper.body(e));
                return true;
            }
        }
        if (user.isEmpty()) {
            ErrorAnswers.unauthorized(response, callback, current.realm());
            return true;
        }
        if (!allowed(user.get().role(), request.getMethod(), RequestPaths.of(request))) {
            LOG.debug("User {} with role {} may not {} {}", user.get().name(), user.get().role().label(),
                    request.getMethod(), RequestPaths.of(request));
            ErrorAnswers.error(response, callback, ErrorMapper.body(new PermissionDeniedException(
                    "Insufficient permissions to perform this operation")));
            return true;
        }
        request.setAttribute(USER_ATTRIBUTE, user.get());
        request.setAttribute(Caller.ATTRIBUTE, new Caller(user.get().name(), user.get().role().label(),
                user.get().queues()));
        return super.handle(request, response, callback);
    }

    /**
     * Administrators may do everything. Supervisors may read the admin API and work callbacks (cancel, export).
     * Every user may use the agent API. Agents have no admin access.
     */
    static boolean allowed(Role role, String method, String path) {
        if (AccessRule.isAgentPath(path)) {
            return true;
        }
        return switch (role) {
            case ADMINISTRATOR -> true;
            case SUPERVISOR -> method.equals("GET") || method.equals("HEAD") || AccessRule.isCallbackAdminPath(path);
            case AGENT -> false;
        };
    }

    private Optional<AdminUser> sessionUser(Request request, Duration timeout, AuthSettings current) {
        for (HttpCookie cookie : Request.getCookies(request)) {
            if (cookie.getName().equals(AdminSessions.COOKIE)) {
                Optional<AdminUser> user = sessions.use(cookie.getValue(), timeout);
                if (user.isPresent() && stillValid(user.get(), current)) {
                    return user;
                }
                if (user.isPresent()) {
                    sessions.close(cookie.getValue());
                    LOG.info("Admin session of user {} closed: the user, its role or its password changed",
                            user.get().name());
                }
            }
        }
        return Optional.empty();
    }

    /** A session lasts only while its user is unchanged: same role and password, or the same [server] password. */
    private boolean stillValid(AdminUser user, AuthSettings current) {
        if (user.passwordHash().startsWith(SERVER_LOGIN)) {
            return users.isEmpty() && user.passwordHash().equals(serverLogin(current.server().password()));
        }
        return users.find(user.name()).filter(user::equals).isPresent();
    }

    /** Marks a session opened with the [server] password, by a keyed digest of that password (never logged). */
    private String serverLogin(String password) {
        return SERVER_LOGIN + users.fingerprint(password);
    }

    private Optional<AdminUser> login(Request request, Response response, AuthSettings current,
                                      BasicCredentials credentials, Duration timeout) {
        Optional<AdminUser> user;
        if (!users.isEmpty()) {
            user = users.authenticate(credentials.username(), credentials.password());
        } else {
            String password = current.server().password();
            String username = current.server().username();
            boolean accepted = !password.isEmpty() && (username.isEmpty()
                    ? credentials.matches(credentials.username(), password)
                    : credentials.matches(username, password));
            user = accepted ? Optional.of(new AdminUser(credentials.username(), Role.ADMINISTRATOR,
                    serverLogin(password))) : Optional.empty();
        }
        if (user.isEmpty()) {
            LOG.info("Admin login refused for user {}", credentials.username());
            return user;
        }
        sessions.open(user.get(), current.maxSessions(), timeout).ifPresent(token ->
                Response.addCookie(response, HttpCookie.build(AdminSessions.COOKIE, token)
                        .path("/genesys").httpOnly(true).secure(request.isSecure())
                        .sameSite(HttpCookie.SameSite.STRICT).build()));
        return user;
    }
}
