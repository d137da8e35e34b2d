package org.gms.server.security.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
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
 * none, the {@code [server]} credentials); no client is trusted for its address. A successful login opens a session
 * (its cookie spares the next calls the password check); a state-changing call that is authenticated by that cookie
 * alone must also carry the session's CSRF token ({@link SessionApi}). The authenticated admin user is left in the
 * request attribute {@link #USER_ATTRIBUTE} for the servlets.
 */
public final class AuthenticationHandler extends Handler.Wrapper {

    public static final String USER_ATTRIBUTE = "org.gms.server.security.user";
    static final String NO_ADMIN_USER = "The admin API has no user: add one with scripts/gms adduser NAME"
            + " Administrator (or set a [server] password)";
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationHandler.class);

    static final String SESSION_PATH = AccessRule.CONTEXT + "/1/admin/session";
    static final String CSRF_REFUSED = "A state-changing call with the console's session cookie must send the"
            + " session's CSRF token in the " + AdminSessions.CSRF_HEADER + " header (GET " + SESSION_PATH + " gives it)";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
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
            ErrorAnswers.unauthorized(request, response, callback, current.realm());
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
        String path = RequestPaths.of(request);
        Optional<AdminSessions.Active> session = session(request, timeout, current);
        if (session.isPresent() && !SAFE_METHODS.contains(request.getMethod())
                && !session.get().csrfMatches(request.getHeaders().get(AdminSessions.CSRF_HEADER))) {
            if (credentials.isEmpty()) {
                LOG.info("{} {} by user {} refused: no valid {} header with the session cookie",
                        request.getMethod(), path, session.get().user().name(), AdminSessions.CSRF_HEADER);
                ErrorAnswers.error(response, callback, ErrorMapper.body(new PermissionDeniedException(CSRF_REFUSED)));
                return true;
            }
            // a client that sends its credentials with each call (and keeps cookies) is not a page: they decide
            session = Optional.empty();
        }
        if (session.isEmpty() && credentials.isPresent()) {
            try {
                session = login(request, response, current, credentials.get(), timeout);
            } catch (PasswordChecksBusyException e) {
                LOG.warn("Login of user {} refused: {}", credentials.get().username(), e.getMessage());
                response.getHeaders().put(HttpHeader.RETRY_AFTER, 1);
                ErrorAnswers.error(response, callback, ErrorMapper.body(e));
                return true;
            }
        }
        if (session.isEmpty()) {
            ErrorAnswers.unauthorized(request, response, callback, current.realm());
            return true;
        }
        AdminUser user = session.get().user();
        if (path.equals(SESSION_PATH)) {
            return SessionApi.answer(request, response, callback, session.get(), timeout, sessions);
        }
        if (!allowed(user.role(), request.getMethod(), path)) {
            LOG.debug("User {} with role {} may not {} {}", user.name(), user.role().label(),
                    request.getMethod(), path);
            ErrorAnswers.error(response, callback, ErrorMapper.body(new PermissionDeniedException(
                    "Insufficient permissions to perform this operation")));
            return true;
        }
        request.setAttribute(USER_ATTRIBUTE, user);
        request.setAttribute(Caller.ATTRIBUTE, new Caller(user.name(), user.role().label(), user.queues()));
        return super.handle(request, response, callback);
    }

    /**
     * Administrators may do everything. Supervisors may read the admin API (not the configuration) and work callbacks
     * (cancel, export).
     * Every user may use the agent API. Agents have no admin access.
     */
    static boolean allowed(Role role, String method, String path) {
        if (AccessRule.isAgentPath(path)) {
            return true;
        }
        return switch (role) {
            case ADMINISTRATOR -> true;
            case SUPERVISOR -> !AccessRule.isConfigAdminPath(path)
                    && (method.equals("GET") || method.equals("HEAD") || AccessRule.isCallbackAdminPath(path));
            case AGENT -> false;
        };
    }

    /** The live session of the request's cookie, still matching its user; empty when there is none. */
    private Optional<AdminSessions.Active> session(Request request, Duration timeout, AuthSettings current) {
        for (HttpCookie cookie : Request.getCookies(request)) {
            if (cookie.getName().equals(AdminSessions.COOKIE)) {
                Optional<AdminSessions.Active> session = sessions.use(cookie.getValue(), timeout);
                if (session.isPresent() && users.unchanged(session.get().user(), current.server().password())) {
                    return session;
                }
                if (session.isPresent()) {
                    sessions.close(cookie.getValue());
                    LOG.info("Admin session of user {} closed: the user, its role or its password changed",
                            session.get().user().name());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The user of the credentials with the session opened for it, or, when {@code max-sessions} are open, a session
     * of this request only (no cookie, no CSRF token); empty for wrong credentials.
     */
    private Optional<AdminSessions.Active> login(Request request, Response response, AuthSettings current,
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
                    users.serverLogin(password))) : Optional.empty();
        }
        if (user.isEmpty()) {
            LOG.info("Admin login refused for user {}", credentials.username());
            return Optional.empty();
        }
        Optional<AdminSessions.Active> opened = sessions.open(user.get(), current.maxSessions(), timeout);
        opened.ifPresent(session -> Response.addCookie(response, SessionApi.cookie(request, session.token(), -1)));
        return Optional.of(opened.orElseGet(() -> new AdminSessions.Active("", user.get(), "")));
    }
}
