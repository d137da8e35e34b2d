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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks user names and passwords against {@code etc/users.ini}. PBKDF2 is slow on purpose, so a password already
 * verified is remembered as a keyed digest (never in clear) until the file changes; REST clients that send Basic
 * credentials with every request then cost one digest each. Other checks run one at a time (a login that cannot start
 * one within a quarter of a second is refused), so a flood of wrong passwords takes one core at most; an unknown user
 * name is checked against a dummy hash, so the answer time does not tell which names exist.
 */
public final class AdminUsers {

    private static final long HASHING_WAIT_MILLIS = 250;
    private final UsersFile file;
    private final byte[] key = new byte[32];
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Semaphore hashing;
    private volatile String dummyHash;

    public AdminUsers(UsersFile file) {
        this(file, new Semaphore(1));
    }

    AdminUsers(UsersFile file, Semaphore hashing) {
        this.file = file;
        this.hashing = hashing;
        new SecureRandom().nextBytes(key);
    }

    public boolean isEmpty() {
        return file.users().isEmpty();
    }

    /** The user as {@code users.ini} has it now. */
    public Optional<AdminUser> find(String name) {
        return file.find(name);
    }

    public Optional<AdminUser> authenticate(String name, String password) {
        Optional<AdminUser> user = file.find(name);
        byte[] digest = digest(password);
        Verified known = user.isEmpty() ? null : verified.get(name);
        if (known != null && known.hash.equals(user.get().passwordHash()) && MessageDigest.isEqual(known.digest, digest)) {
            return user;
        }
        char[] characters = password.toCharArray();
        try {
            if (!hashing.tryAcquire(HASHING_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
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
            return Optional.empty();
        } finally {
            PasswordHashes.wipe(characters);
        }
        verified.put(name, new Verified(user.get().passwordHash(), digest));
        return user;
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

    /** A keyed digest of a password (key made at start, never stored), to tell later whether it changed. */
    String fingerprint(String password) {
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
