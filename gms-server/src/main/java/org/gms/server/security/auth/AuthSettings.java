package org.gms.server.security.auth;

import static org.gms.core.config.ReloadPolicy.IMMEDIATE;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gms.core.config.ConfigView;
import org.gms.core.config.Option;

/**
 * Who may call what: the {@code [server]} realm and credentials, the admin session limits, and the credentials of
 * every section that may hold its own ({@code [storage]}, {@code [notification]}, {@code [callback]},
 * {@code [chat]}, {@code [email]} and their {@code <api>.<name>} sections, {@code [service.<name>]}).
 */
public record AuthSettings(String realm, int maxSessions, Duration sessionTimeout,
                           Map<String, SectionCredentials> sections) {

    public static final String DEFAULT_REALM = "Genesys Application Configuration Needed";
    static final String SERVER = "server";
    /** Sections whose credentials apply to an API of their own, besides the named ones. */
    private static final List<String> API_SECTIONS = List.of(SERVER, "storage", "notification", "callback", "chat",
            "email");

    /**
     * The credentials one section sets.
     *
     * @param username              its user; empty: the next section's
     * @param password              its password (secret indirection resolved); empty: the next section's
     * @param disableAuthentication its {@code disable_authentication}, empty when not set
     */
    public record SectionCredentials(String username, String password, String disableAuthentication) {

        static final SectionCredentials NONE = new SectionCredentials("", "", "");

        @Override
        public String toString() {
            // the generated toString would print the password
            return "SectionCredentials[" + username + ", ****]";
        }
    }

    public static final List<Option> OPTIONS = List.of(
            Option.string("server", "realm", DEFAULT_REALM, IMMEDIATE,
                    "Realm of the WWW-Authenticate header sent with 401 answers."),
            Option.string("server", "username", "", IMMEDIATE,
                    "User of Basic authentication for storage, notification, callback and every service."),
            Option.secret("server", "password", IMMEDIATE,
                    "Password of Basic authentication; empty: those APIs need no authentication."),
            Option.integer("server", "max-sessions", 9999, 1, 1000000, IMMEDIATE,
                    "Most admin sessions open at once; beyond it a login opens none (the client sends its"
                            + " credentials each time)."),
            Option.integer("server", "session-timeout", 20, 1, 1440, IMMEDIATE,
                    "Minutes an idle admin session stays valid."),
            Option.string("storage", "username", "", IMMEDIATE, "Storage API user; empty: [server] username."),
            Option.secret("storage", "password", IMMEDIATE, "Storage API password; empty: [server] password."),
            Option.string("notification", "username", "", IMMEDIATE,
                    "Notification API user; empty: [server] username."),
            Option.secret("notification", "password", IMMEDIATE,
                    "Notification API password; empty: [server] password."),
            Option.string("callback", "username", "", IMMEDIATE,
                    "Callback API user, unless [service.<callback>] has one; empty: [server] username."),
            Option.secret("callback", "password", IMMEDIATE,
                    "Callback API password, unless [service.<callback>] has one; empty: [server] password."),
            Option.bool("chat", "disable_authentication", true, IMMEDIATE,
                    "false: the chat API (/genesys/2/chat) asks for Basic authentication."),
            Option.string("chat", "username", "", IMMEDIATE, "Chat API user; empty: [server] username."),
            Option.secret("chat", "password", IMMEDIATE, "Chat API password; empty: [server] password."),
            Option.bool("email", "disable_authentication", true, IMMEDIATE,
                    "false: the e-mail API (/genesys/2/email) asks for Basic authentication."),
            Option.string("email", "username", "", IMMEDIATE, "E-mail API user; empty: [server] username."),
            Option.secret("email", "password", IMMEDIATE, "E-mail API password; empty: [server] password."));

    public AuthSettings {
        sections = Map.copyOf(sections);
    }

    public static AuthSettings from(ConfigView config) {
        Map<String, SectionCredentials> sections = new LinkedHashMap<>();
        for (String section : API_SECTIONS) {
            sections.put(section, credentials(config, section));
        }
        for (String section : config.sectionNames()) {
            if (section.startsWith("service.") || section.startsWith("chat.") || section.startsWith("email.")) {
                sections.put(section, credentials(config, section));
            }
        }
        return new AuthSettings(config.value(SERVER, "realm"), config.intValue(SERVER, "max-sessions"),
                Duration.ofMinutes(config.intValue(SERVER, "session-timeout")), sections);
    }

    /** The credentials a section sets; none for a section that is not configured. */
    public SectionCredentials section(String name) {
        return sections.getOrDefault(name, SectionCredentials.NONE);
    }

    /** The {@code [server]} credentials: the admin API's while {@code users.ini} has no user. */
    public SectionCredentials server() {
        return section(SERVER);
    }

    private static SectionCredentials credentials(ConfigView config, String section) {
        Map<String, String> raw = config.rawSection(section);
        return new SectionCredentials(raw.getOrDefault("username", "").strip(), config.secret(section, "password"),
                raw.getOrDefault("disable_authentication", "").strip());
    }
}
