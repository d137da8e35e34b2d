package org.gms.server.security.auth;

import java.util.List;

/**
 * One user of {@code etc/users.ini}: a name, a role, a salted password hash and, for an agent, the queues it serves
 * (none listed: every queue).
 */
public record AdminUser(String name, Role role, String passwordHash, List<String> queues) {

    public AdminUser {
        queues = List.copyOf(queues);
    }

    public AdminUser(String name, Role role, String passwordHash) {
        this(name, role, passwordHash, List.of());
    }

    @Override
    public String toString() {
        return "AdminUser[" + name + ", " + role.label() + "]";
    }
}
