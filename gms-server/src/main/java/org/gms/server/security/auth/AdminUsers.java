package org.gms.server.security.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks user names and passwords against {@code etc/users.ini}. PBKDF2 is slow on purpose, so a password already
 * verified is remembered as a keyed digest (never in clear) until the file changes; REST clients that send Basic
 * credentials with every request then cost one digest each. Other checks run one at a time, so a flood of wrong
 * passwords takes one core at most: a few logins may wait their turn (two agents logging in at once both get in), and
 * a login that finds that queue full, or cannot start within {@value #HASHING_WAIT_MILLIS} ms, is refused with
 * {@link PasswordChecksBusyException} (503), not as a wrong password. An unknown user name is checked against a dummy
 * hash, so the answer time does not tell which names exist.
 */
public final class AdminUsers {

    static final long HASHING_WAIT_MILLIS = 2_000;
    static final int MAX_WAITING = 8;
    private static final String SERVER_LOGIN = "server-password:";
    private final UsersFile file;
    private final byte[] key = new byte[32];
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Semaphore hashing;
    private final AtomicInteger waiting = new AtomicInteger();
    private final long waitMillis;
    private volatile String dummyHash;

    public AdminUsers(UsersFile file) {
        this(file, new Semaphore(1), HASHING_WAIT_MILLIS);
    }

    AdminUsers(UsersFile file, Semaphore hashing, long waitMillis) {
        this.file = file;
        this.hashing = hashing;
        this.waitMillis = waitMillis;
        new SecureRandom().nextBytes(key);
    }

    public boolean isEmpty() {
        return file.users().isEmpty();
    }

    /** The user as {@code users.ini} has it now. */
    public Optional<AdminUser> find(String name) {
        return file.find(name);
    }

    /**
     * The user when the password is right, empty when it is wrong or the user unknown.
     *
     * @throws PasswordChecksBusyException when the password could not be checked now
     */
    public Optional<AdminUser> authenticate(String name, String password) {
        Optional<AdminUser> user = file.find(name);
        byte[] digest = digest(password);
        Verified known = user.isEmpty() ? null : verified.get(name);
        if (known != null && known.hash.equals(user.get().passwordHash()) && MessageDigest.isEqual(known.digest, digest)) {
            return user;
        }
        char[] characters = password.toCharArray();
        try {
            acquire();
            try {
                String stored = user.map(AdminUser::passwordHash).orElseGet(this::dummyHash);
                if (!PasswordHashes.matches(characters, stored) || user.isEmpty()) {
                    return Optional.empty();
                }
            } finally {
                hashing.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PasswordChecksBusyException();
        } finally {
            PasswordHashes.wipe(characters);
        }
        verified.put(name, new Verified(user.get().passwordHash(), digest));
        return user;
    }

    private void acquire() throws InterruptedException {
        if (hashing.tryAcquire()) {
            return;
        }
        try {
            if (waiting.incrementAndGet() > MAX_WAITING
                    || !hashing.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new PasswordChecksBusyException();
            }
        } finally {
            waiting.decrementAndGet();
        }
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            char[] random = new char[16];
            SecureRandom generator = new SecureRandom();
            for (int index = 0; index < random.length; index++) {
                random[index] = (char) ('a' + generator.nextInt(26));
            }
            hash = PasswordHashes.hash(random);
            dummyHash = hash;
        }
        return hash;
    }

    /**
     * Whether the user a session was opened for is still that user: the same users.ini entry (role, password,
     * queues), or, for a login with the {@code [server]} password, that same password while users.ini has no user.
     */
    public boolean unchanged(AdminUser user, String serverPassword) {
        if (user.passwordHash().startsWith(SERVER_LOGIN)) {
            return isEmpty() && user.passwordHash().equals(serverLogin(serverPassword));
        }
        return find(user.name()).filter(user::equals).isPresent();
    }

    /** Marks a login with the [server] password, by a keyed digest of that password (never logged). */
    String serverLogin(String password) {
        return SERVER_LOGIN + fingerprint(password);
    }

    /** A keyed digest of a password (key made at start, never stored), to tell later whether it changed. */
    private String fingerprint(String password) {
        return Base64.getEncoder().encodeToString(digest(password));
    }

    private byte[] digest(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private record Verified(String hash, byte[] digest) {
    }
}
