package org.gms.server.security.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Admin sessions after a successful login: a random token in an HttpOnly cookie, valid while used within the idle
 * timeout. At most {@code max-sessions} exist; when they are all taken no new one is made, and the client simply goes
 * on sending its credentials with each request.
 */
public final class AdminSessions {

    public static final String COOKIE = "GMS_ADMIN_SESSION";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public AdminSessions(Clock clock) {
        this.clock = clock;
    }

    /** A new session token, or empty when {@code maxSessions} live sessions exist. */
    public Optional<String> open(AdminUser user, int maxSessions, Duration timeout) {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> session.expired(now, timeout));
        if (sessions.size() >= maxSessions) {
            return Optional.empty();
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        sessions.put(token, new Session(user, now));
        return Optional.of(token);
    }

    /** The session's user, touching it; empty when unknown or idle longer than {@code timeout}. */
    public Optional<AdminUser> use(String token, Duration timeout) {
        Session session = sessions.get(token);
        Instant now = clock.instant();
        if (session == null) {
            return Optional.empty();
        }
        if (session.expired(now, timeout)) {
            sessions.remove(token);
            return Optional.empty();
        }
        sessions.put(token, new Session(session.user, now));
        return Optional.of(session.user);
    }

    /** Ends a session at once. */
    public void close(String token) {
        sessions.remove(token);
    }

    public int size() {
        return sessions.size();
    }

    private record Session(AdminUser user, Instant lastUse) {
        boolean expired(Instant now, Duration timeout) {
            return lastUse.plus(timeout).isBefore(now);
        }
    }
}
