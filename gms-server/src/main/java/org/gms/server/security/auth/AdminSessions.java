package org.gms.server.security.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
 * on sending its credentials with each request. Each session has a second random secret, its CSRF token, which a page
 * learns from the session API and sends with every state-changing call ({@link #CSRF_HEADER}): a request that only
 * carries the cookie changes nothing.
 */
public final class AdminSessions {

    public static final String COOKIE = "GMS_ADMIN_SESSION";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public AdminSessions(Clock clock) {
        this.clock = clock;
    }

    /** A new session, or empty when {@code maxSessions} live sessions exist. */
    public Optional<Active> open(AdminUser user, int maxSessions, Duration timeout) {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> session.expired(now, timeout));
        if (sessions.size() >= maxSessions) {
            return Optional.empty();
        }
        String token = random();
        String csrf = random();
        sessions.put(token, new Session(user, now, csrf));
        return Optional.of(new Active(token, user, csrf));
    }

    private static String random() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The session, touching it; empty when unknown or idle longer than {@code timeout}. */
    public Optional<Active> use(String token, Duration timeout) {
        Session session = sessions.get(token);
        Instant now = clock.instant();
        if (session == null) {
            return Optional.empty();
        }
        if (session.expired(now, timeout)) {
            sessions.remove(token);
            return Optional.empty();
        }
        sessions.put(token, new Session(session.user, now, session.csrf));
        return Optional.of(new Active(token, session.user, session.csrf));
    }

    /** Ends a session at once. */
    public void close(String token) {
        sessions.remove(token);
    }

    public int size() {
        return sessions.size();
    }

    /** A live session: its cookie token, its user and its CSRF token. */
    public record Active(String token, AdminUser user, String csrfToken) {

        /** Whether {@code given} is this session's CSRF token (compared in constant time). */
        public boolean csrfMatches(String given) {
            return given != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.US_ASCII),
                    given.getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public String toString() {
            return "Session[" + user + "]";
        }
    }

    private record Session(AdminUser user, Instant lastUse, String csrf) {
        boolean expired(Instant now, Duration timeout) {
            return lastUse.plus(timeout).isBefore(now);
        }
    }
}
