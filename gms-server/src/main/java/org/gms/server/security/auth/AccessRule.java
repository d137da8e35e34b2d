package org.gms.server.security.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a request path needs, decided per request from the live configuration (GMS reads these options without
 * restart). Storage, notification, callback and service APIs use the first section of their chain that has a
 * password; no password anywhere means no authentication. Admin paths need a user of {@code etc/users.ini}.
 */
public sealed interface AccessRule {

    String CONTEXT = "/genesys";

    /** No authentication. */
    record Open() implements AccessRule {
    }

    /** A user of {@code etc/users.ini} (or the {@code [server]} credentials when there is none). */
    record Admin() implements AccessRule {
    }

    /** Basic authentication with one user and password; an empty user accepts any user name. */
    record Basic(String username, String password) implements AccessRule {

        /** Whether the credentials given pass this rule. */
        public boolean accepts(Optional<BasicCredentials> given) {
            return given.filter(credentials -> credentials.matches(username.isEmpty() ? credentials.username()
                    : username, password)).isPresent();
        }

        @Override
        public String toString() {
            return "Basic[" + username + ", ****]";
        }
    }

    /** {@code /genesys/<v>/agent/...}: the agent API, open to every user of {@code etc/users.ini}. */
    static boolean isAgentPath(String path) {
        return path.matches("/genesys/[0-9]+/agent(/.*)?");
    }

    /** {@code /genesys/<v>/admin/callback/...}: callback administration, which supervisors may also change. */
    static boolean isCallbackAdminPath(String path) {
        return path.matches("/genesys/[0-9]+/admin/callback(/.*)?");
    }

    /** {@code /genesys/<v>/admin/config/...}: the configuration as the server reads it, for administrators only. */
    static boolean isConfigAdminPath(String path) {
        return path.matches("/genesys/[0-9]+/admin/config(/.*)?");
    }

    static AccessRule of(String path, AuthSettings config) {
        if (!path.startsWith(CONTEXT + "/")) {
            return new Open();
        }
        String[] segments = path.substring(CONTEXT.length() + 1).split("/");
        if (segments[0].equals("admin")) {
            // the old console addresses (/genesys/admin/login.jsp) only redirect to the console's page
            return segments.length == 2 && segments[1].endsWith(".jsp") ? new Open() : new Admin();
        }
        if (segments.length < 2 || !segments[0].matches("[0-9]+")) {
            return new Open();
        }
        String api = segments[1];
        String name = segments.length > 2 ? segments[2] : "";
        List<String> chain = new ArrayList<>();
        switch (api) {
            case "admin", "agent" -> {
                return new Admin();
            }
            case "storage", "notification" -> chain.add(api);
            case "service" -> {
                if (name.equals("callback")) {
                    String callback = segments.length > 3 ? segments[3] : "";
                    if (!callback.isEmpty()) {
                        chain.add("service." + callback);
                    }
                    chain.add("callback");
                } else if (!name.isEmpty()) {
                    chain.add("service." + name);
                }
            }
            case "chat", "email" -> {
                if (!name.isEmpty()) {
                    chain.add(api + "." + name);
                }
                chain.add(api);
                if (!mediaAuthentication(config, chain)) {
                    return new Open();
                }
            }
            default -> {
                return new Open();
            }
        }
        chain.add("server");
        return basic(config, chain);
    }

    private static boolean mediaAuthentication(AuthSettings config, List<String> chain) {
        for (String section : chain) {
            String disabled = config.section(section).disableAuthentication();
            if (!disabled.isEmpty()) {
                return disabled.equalsIgnoreCase("false");
            }
        }
        return false;
    }

    private static AccessRule basic(AuthSettings config, List<String> chain) {
        String password = "";
        for (String section : chain) {
            password = config.section(section).password();
            if (!password.isEmpty()) {
                break;
            }
        }
        if (password.isEmpty()) {
            return new Open();
        }
        // the most specific username applies even when the password comes from a wider section (GMS: "without the
        // password option in the same service section, the server section password is used")
        String username = "";
        for (String section : chain) {
            username = config.section(section).username();
            if (!username.isEmpty()) {
                break;
            }
        }
        return new Basic(username, password);
    }
}
