package org.gms.server.security.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks user names and passwords against {@code etc/users.ini}. PBKDF2 is slow on purpose, so a password already
 * verified is remembered as a keyed digest (never in clear) until the file changes; REST clients that send Basic
 * credentials with every request then cost one digest each.
 */
public final class AdminUsers {

    private final UsersFile file;
    private final byte[] key = new byte[32];
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public AdminUsers(UsersFile file) {
        this.file = file;
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
        if (user.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = digest(password);
        Verified known = verified.get(name);
        if (known != null && known.hash.equals(user.get().passwordHash()) && MessageDigest.isEqual(known.digest, digest)) {
            return user;
        }
        char[] characters = password.toCharArray();
        try {
            if (!PasswordHashes.matches(characters, user.get().passwordHash())) {
                return Optional.empty();
            }
        } finally {
            PasswordHashes.wipe(characters);
        }
        verified.put(name, new Verified(user.get().passwordHash(), digest));
        return user;
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
