package org.gms.server.config;

import static org.gms.core.config.ReloadPolicy.IMMEDIATE;
import static org.gms.core.config.ReloadPolicy.RESTART;

import java.util.List;
import org.gms.core.config.Option;

/** Options of authentication, port restrictions, response headers, rate limiting and log masking. */
final class SecurityOptions {

    static final String DEFAULT_REALM = "Genesys Application Configuration Needed";

    static final List<Option> OPTIONS = List.of(
            Option.string("server", "realm", DEFAULT_REALM, IMMEDIATE,
                    "Realm of the WWW-Authenticate header sent with 401 answers."),
            Option.string("server", "username", "", IMMEDIATE,
                    "User of Basic authentication for storage, notification, callback and every service."),
            Option.secret("server", "password", IMMEDIATE,
                    "Password of Basic authentication; empty: those APIs need no authentication."),
            Option.string("server", "http-custom-headers", "", IMMEDIATE,
                    "Header lines added to every answer, separated by |, e.g. X-Frame-Options: SAMEORIGIN."),
            Option.bool("server", "https-only", false, IMMEDIATE,
                    "Answer plain HTTP with 301 to the HTTPS port (except /genesys/1/node); needs the HTTPS connector."),
            Option.integer("server", "max-sessions", 9999, 1, 1000000, IMMEDIATE,
                    "Most admin sessions open at once; beyond it a login opens none (the client sends its"
                            + " credentials each time)."),
            Option.integer("server", "session-timeout", 20, 1, 1440, IMMEDIATE,
                    "Minutes an idle admin session stays valid."),
            Option.integer("server", "max-request-size", 10485760, 0, 2147483647L, RESTART,
                    "Largest request body in bytes (413 beyond it); 0: no limit."),

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
            Option.secret("email", "password", IMMEDIATE, "E-mail API password; empty: [server] password."),

            Option.string("port_restrictions", "*", "", IMMEDIATE,
                    "<URI pattern, trailing * = prefix> = ports and ranges, e.g. /genesys/1/storage* = 8081,8090-8092;"
                            + " each listed port gets a connector (restart)."),
            Option.string("http-header-rules", "*", "", IMMEDIATE,
                    "<URI pattern, trailing * = prefix> = header lines separated by |, added to matching answers."),

            Option.bool("rate-limit", "enabled", false, IMMEDIATE,
                    "Limit the requests per second of each client (answer 429); off by default, as the GMS DoS filter."),
            Option.integer("rate-limit", "max-requests-per-second", 25, 1, 100000, IMMEDIATE,
                    "Requests one client may send per second (GMS DoS filter default)."),
            Option.list("rate-limit", "allow-list", "127.0.0.1,::1", IMMEDIATE,
                    "Client addresses never limited."),
            Option.list("rate-limit", "trusted-proxies", "", IMMEDIATE,
                    "Proxy addresses whose X-Forwarded-For header names the client; other clients' header is ignored."),

            Option.string("log-filter", "default-filter-type", "copy", IMMEDIATE,
                    "Filter of logged request parameters without their own rule: copy, hide, hide-first,n,"
                            + " hide-last,n, unhide-first,n, unhide-last,n, skip, tag(), tag(pre,post)."),
            Option.string("log-filter-data", "*", "", IMMEDIATE,
                    "<parameter name> = filter, overriding default-filter-type for that parameter."),
            Option.string("log-hidden-attributes", "*", "", IMMEDIATE,
                    "<Protocol>.<Message> = attributes logged as [output suppressed], comma-separated."));

    private SecurityOptions() {
    }
}
