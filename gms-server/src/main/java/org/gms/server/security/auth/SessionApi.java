package org.gms.server.security.auth;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.gms.core.error.MethodNotAllowedException;
import org.gms.core.error.ServiceUnavailableException;
import org.gms.core.http.ErrorMapper;
import org.gms.core.http.Json;
import org.gms.core.http.Responses;
import org.gms.server.security.ErrorAnswers;

/**
 * {@code /genesys/1/admin/session}, the console's login: {@code POST} with Basic credentials opens a session (the
 * cookie) and answers it, {@code GET} answers the session of the cookie, {@code DELETE} ends it (logout). The answer
 * names the user, its role, its queues, the views of the console its role may open, the idle timeout and the session's
 * CSRF token, which every state-changing call made with the cookie must send in {@link AdminSessions#CSRF_HEADER}.
 */
final class SessionApi {

    /** Views of the console per role; the API refuses the same calls with 403. */
    static final Map<Role, List<String>> VIEWS = Map.of(
            Role.ADMINISTRATOR, List.of("callback", "capacity", "chat", "agent", "nodes", "services"),
            Role.SUPERVISOR, List.of("callback", "capacity", "chat"),
            Role.AGENT, List.of("agent"));

    private SessionApi() {
    }

    static boolean answer(Request request, Response response, Callback callback, AdminSessions.Active session,
                          Duration timeout, AdminSessions sessions) {
        switch (request.getMethod()) {
            case "GET", "HEAD" -> write(response, callback, session, timeout);
            case "POST" -> {
                if (session.token().isEmpty()) {
                    ErrorAnswers.error(response, callback, ErrorMapper.body(new ServiceUnavailableException(
                            "Every admin session is taken ([server] max-sessions): no session was opened for user "
                                    + session.user().name())));
                } else {
                    write(response, callback, session, timeout);
                }
            }
            case "DELETE" -> {
                if (!session.token().isEmpty()) {
                    sessions.close(session.token());
                }
                Response.addCookie(response, cookie(request, "", 0));
                response.setStatus(204);
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
                callback.succeeded();
            }
            default -> ErrorAnswers.error(response, callback, ErrorMapper.body(new MethodNotAllowedException(
                    "HTTP method " + request.getMethod() + " is not supported by this URL")));
        }
        return true;
    }

    /** The session cookie: HttpOnly, SameSite=Strict, Secure on HTTPS; {@code maxAge} 0 deletes it, -1 per browser. */
    static HttpCookie cookie(Request request, String token, int maxAge) {
        HttpCookie.Builder cookie = HttpCookie.build(AdminSessions.COOKIE, token).path(AccessRule.CONTEXT)
                .httpOnly(true).secure(request.isSecure()).sameSite(HttpCookie.SameSite.STRICT);
        if (maxAge >= 0) {
            cookie.maxAge(maxAge);
        }
        return cookie.build();
    }

    private static void write(Response response, Callback callback, AdminSessions.Active session, Duration timeout) {
        AdminUser user = session.user();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", user.name());
        body.put("role", user.role().label());
        body.put("queues", user.queues());
        body.put("views", VIEWS.get(user.role()));
        body.put("sessionTimeout", timeout.toSeconds());
        body.put("csrfToken", session.csrfToken());
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.EXPIRES, Responses.EXPIRED);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.write(true, ByteBuffer.wrap(Json.bytes(body)), callback);
    }
}
