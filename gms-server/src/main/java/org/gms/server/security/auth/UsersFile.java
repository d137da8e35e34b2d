package org.gms.server.security.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gms.server.config.IniFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code etc/users.ini}: one section per user with {@code role} and {@code password} (a {@link PasswordHashes} value).
 * Read again whenever the file changes, so a user added with {@code AddUser} counts without a restart.
 */
public final class UsersFile {

    private static final Logger LOG = LoggerFactory.getLogger(UsersFile.class);
    static final String HEADER = "; Users of the admin API: one [name] section each, with role (Administrator,"
            + " Supervisor or Agent)\n; and password (a salted PBKDF2 hash). Add or change a user with the AddUser"
            + " command (see README.md).\n";

    private final Path file;
    private volatile Snapshot snapshot = new Snapshot(null, -1, Map.of());

    public UsersFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** The users by name; empty when the file is missing or unreadable. */
    public Map<String, AdminUser> users() {
        FileTime modified = null;
        long size = -1;
        try {
            if (Files.exists(file)) {
                modified = Files.getLastModifiedTime(file);
                size = Files.size(file);
            }
        } catch (IOException e) {
            LOG.warn("Cannot read {}: {}", file, e.toString());
        }
        Snapshot current = snapshot;
        if (Objects.equals(current.modified, modified) && current.size == size) {
            return current.users;
        }
        Snapshot next = new Snapshot(modified, size, modified == null ? Map.of() : load());
        snapshot = next;
        return next.users;
    }

    public Optional<AdminUser> find(String name) {
        return Optional.ofNullable(users().get(name));
    }

    /** Adds or replaces a user and rewrites the file atomically; the other users are kept. */
    public void put(AdminUser user) throws IOException {
        Map<String, AdminUser> all = new LinkedHashMap<>(Files.exists(file) ? parse(Files.readString(file)) : Map.of());
        all.put(user.name(), user);
        StringBuilder text = new StringBuilder(HEADER);
        for (AdminUser each : all.values()) {
            text.append('\n').append('[').append(each.name()).append("]\n")
                    .append("role = ").append(each.role().label()).append('\n')
                    .append("password = ").append(each.passwordHash()).append('\n');
            if (!each.queues().isEmpty()) {
                text.append("queues = ").append(String.join(",", each.queues())).append('\n');
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, "users", ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Map<String, AdminUser> load() {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Cannot read {}, no admin user is known: {}", file, e.getMessage());
            return Map.of();
        }
    }

    private Map<String, AdminUser> parse(String text) {
        Map<String, AdminUser> users = new LinkedHashMap<>();
        IniFile.parse(text, file.toString()).forEach((name, options) -> {
            Optional<Role> role = Role.parse(options.getOrDefault("role", ""));
            String hash = options.getOrDefault("password", "");
            if (role.isEmpty() || hash.isBlank()) {
                LOG.warn("User [{}] in {} needs role (Administrator, Supervisor, Agent) and password; ignored", name,
                        file);
                return;
            }
            List<String> queues = new ArrayList<>();
            for (String queue : options.getOrDefault("queues", "").split(",")) {
                if (!queue.isBlank()) {
                    queues.add(queue.trim());
                }
            }
            users.put(name, new AdminUser(name, role.get(), hash, queues));
        });
        return Collections.unmodifiableMap(users);
    }

    private record Snapshot(FileTime modified, long size, Map<String, AdminUser> users) {
    }
}
