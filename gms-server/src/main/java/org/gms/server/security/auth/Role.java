package org.gms.server.security.auth;

import java.util.Arrays;
import java.util.Optional;

/** Roles of the users in {@code etc/users.ini}. */
public enum Role {
    ADMINISTRATOR("Administrator"),
    SUPERVISOR("Supervisor"),
    AGENT("Agent");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Role> parse(String text) {
        return Arrays.stream(values()).filter(role -> role.label.equalsIgnoreCase(text.strip())).findFirst();
    }
}
