package org.gms.server.security.auth;

/** One user of {@code etc/users.ini}: a name, a role and a salted password hash. */
public record AdminUser(String name, Role role, String passwordHash) {

    @Override
    public String toString() {
        return "AdminUser[" + name + ", " + role.label() + "]";
    }
}
