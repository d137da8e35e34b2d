package org.gms.chat.config;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The options of one chat service, {@code [chat.<service>]} over {@code [chat]}, typed. A bad value logs
 * {@code Wrong value [v] for option [opt]} once and the default applies.
 *
 * @param service  the service name
 * @param options  the merged options (every declared option present)
 * @param defaults the declared defaults
 */
public record ChatServiceOptions(String service, Map<String, String> options, Map<String, String> defaults) {

    private static final Logger LOG = LoggerFactory.getLogger(ChatServiceOptions.class);
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    public ChatServiceOptions {
        options = Map.copyOf(options);
        defaults = Map.copyOf(defaults);
    }

    /** The queue new chats of this service wait in. */
    public String endpoint() {
        String own = options.getOrDefault("_chat_endpoint", "");
        return own.isBlank() ? options.get("default_chat_endpoint") : own;
    }

    public Duration requestTimeout() {
        return Duration.ofMillis(positive("chat_session_request_timeout"));
    }

    public Duration clientTimeout() {
        return Duration.ofSeconds(positive("_client_timeout"));
    }

    /** How long before {@link #clientTimeout()} the customer is warned; never more than the timeout itself. */
    public Duration clientTimeoutNotification() {
        Duration notice = Duration.ofSeconds(positive("_client_timeout_notification"));
        return notice.compareTo(clientTimeout()) >= 0 ? clientTimeout().dividedBy(2) : notice;
    }

    public int messageMaxSize() {
        return (int) positive("message-max-size");
    }

    public int messagesPerSecond() {
        return (int) positive("messages-per-second");
    }

    public int transcriptMaxEvents() {
        return (int) positive("transcript-max-events");
    }

    public String botWebhook() {
        return options.getOrDefault("_bot_webhook", "");
    }

    public String botNickname() {
        String nickname = options.getOrDefault("_bot_nickname", "");
        return nickname.isBlank() ? "Bot" : nickname;
    }

    public Duration botTimeout() {
        return Duration.ofSeconds(positive("_bot_timeout"));
    }

    public boolean pushToActiveClient() {
        return Boolean.parseBoolean(options.get("push_notification_to_active_client"));
    }

    private long positive(String name) {
        String value = options.get(name);
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // the default below
        }
        if (WARNED.add(service + "/" + name + "/" + value)) {
            LOG.warn("Wrong value [{}] for option [{}] of chat service {}, using the default {}", value, name,
                    service, defaults.get(name));
        }
        return Long.parseLong(defaults.get(name));
    }
}
