package org.gms.chat.config;

import static org.gms.core.config.ReloadPolicy.IMMEDIATE;
import static org.gms.core.config.ReloadPolicy.RESTART;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gms.core.config.ConfigView;
import org.gms.core.config.Option;

/**
 * What the chat engine reads of the configuration: {@code [chat]} (server-wide values and the defaults of every
 * service) and each {@code [chat.<service>]}, whose options override {@code [chat]} key by key.
 *
 * @param sections         {@code [chat]} as set in the files, then each {@code [chat.<service>]} by service name
 * @param notificationMode {@code enable_notification_mode}: chat over CometD is served
 * @param transcriptTtl    how long a chat and its transcript are kept after their last change
 * @param maxOpenChats     chats not ended, cluster-wide, beyond which a new chat is refused (retry later)
 * @param pollInterval     how often a node reads the transcripts of its CometD sessions (the safety net)
 */
public record ChatSettings(Map<String, Map<String, String>> sections, boolean notificationMode,
                           Duration transcriptTtl, int maxOpenChats, Duration pollInterval) {

    public static final String SECTION = "chat";
    public static final String FAMILY = "chat.*";

    public static final List<Option> OPTIONS = List.of(
            Option.bool(SECTION, "enable_notification_mode", true, RESTART,
                    "true: chat over CometD (/genesys/cometd, channel /service/chatV2/<service>) is served;"
                            + " false: only the REST chat API."),
            Option.string(SECTION, "default_chat_endpoint", "Environment:default", IMMEDIATE,
                    "The queue (<tenant>:<endpoint>) a new chat waits in when its [chat.<service>] sets no"
                            + " _chat_endpoint. Agents list queues by the whole name or the part after the colon."),
            Option.string(SECTION, "_chat_endpoint", "", IMMEDIATE,
                    "The queue of a service's chats (set it in [chat.<service>]); empty: default_chat_endpoint."),
            Option.integer(SECTION, "chat_session_request_timeout", 30000, 1000, 86_400_000, IMMEDIATE,
                    "Milliseconds a chat waits for an agent to accept it; then it ends with a Notice."),
            Option.integer(SECTION, "_client_timeout", 900, 10, 86400, IMMEDIATE,
                    "Seconds of customer silence after which the chat ends (IdleClose)."),
            Option.integer(SECTION, "_client_timeout_notification", 90, 1, 86400, IMMEDIATE,
                    "Seconds before _client_timeout at which the customer is warned (IdleAlert)."),
            Option.integer(SECTION, "transcript-ttl", 2_592_000, 60, 315_360_000, IMMEDIATE,
                    "Seconds a chat and its transcript are kept after their last change (default 30 days)."),
            Option.integer(SECTION, "message-max-size", 4096, 1, 1_048_576, IMMEDIATE,
                    "Characters of one message, notice or typing preview; a longer one is refused."),
            Option.integer(SECTION, "messages-per-second", 10, 1, 10000, IMMEDIATE,
                    "Operations per second one chat's customer may send (per node); more are refused, retry."),
            Option.integer(SECTION, "transcript-max-events", 5000, 10, 1_000_000, IMMEDIATE,
                    "Events one transcript may hold; beyond it the customer's operations are refused."),
            Option.integer(SECTION, "max-open-chats", 10000, 1, 10_000_000, IMMEDIATE,
                    "Chats not ended, cluster-wide, beyond which a new chat is refused (statusCode 1)."),
            Option.integer(SECTION, "notification-poll-interval", 1000, 100, 60000, RESTART,
                    "Milliseconds between two reads of the transcripts of this node's CometD sessions (events"
                            + " stored on another node arrive at once by an internal call; this is the safety net)."),
            Option.string(SECTION, "_bot_webhook", "", IMMEDIATE,
                    "URL of a bot that answers first: each customer message is POSTed to it as JSON, its answer"
                            + " {\"messages\":[{\"text\"}],\"transfer\":bool,\"end\":bool} posts replies, hands the"
                            + " chat to the agent queue or ends it. Empty: the chat goes straight to the queue."),
            Option.string(SECTION, "_bot_nickname", "Bot", IMMEDIATE, "Nickname of the bot participant."),
            Option.integer(SECTION, "_bot_timeout", 10, 1, 300, IMMEDIATE,
                    "Seconds the bot has to answer; a bot that fails hands the chat to the agent queue."),
            Option.bool(SECTION, "push_notification_to_active_client", false, IMMEDIATE,
                    "true: agent events are pushed to the customer's device even while its CometD session is"
                            + " connected."),
            Option.integer(SECTION, "upload-max-file-size", 10_485_760, 1, 1_073_741_824, IMMEDIATE,
                    "Bytes of one uploaded file."),
            Option.string(SECTION, "upload-file-types", "jpeg:jpg:pdf:png:zip:txt:gif", IMMEDIATE,
                    "File name extensions that may be uploaded, colon separated."),
            Option.integer(SECTION, "upload-max-files", 5, 0, 10000, IMMEDIATE,
                    "Files one chat may hold."),
            Option.integer(SECTION, "upload-max-total-size", 99_614_720, 1, 10_737_418_240L, IMMEDIATE,
                    "Bytes of all the files of one chat."),
            Option.integer(SECTION, "download-attempts", 2, 1, 10000, IMMEDIATE,
                    "Times the customer may download one file."),
            Option.bool(SECTION, "upload-need-agent", false, IMMEDIATE,
                    "true: the customer may upload only once an agent has joined."),
            Option.oneOf(SECTION, "delete-file", "odd", List.of("odd", "any", "none"), IMMEDIATE,
                    "Who may delete a file: odd (its uploader), any (any participant), none (nobody)."),
            Option.string(FAMILY, "*", "", IMMEDIATE,
                    "A chat service: any option of [chat] set here applies to this service only."));

    public ChatSettings {
        Map<String, Map<String, String>> copy = new HashMap<>();
        sections.forEach((name, options) -> copy.put(name, Map.copyOf(options)));
        sections = Map.copyOf(copy);
    }

    public static ChatSettings from(ConfigView config) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        sections.put("", config.rawSection(SECTION));
        for (String section : config.sectionNames()) {
            if (section.startsWith(SECTION + ".") && section.length() > SECTION.length() + 1) {
                sections.put(section.substring(SECTION.length() + 1), config.rawSection(section));
            }
        }
        return new ChatSettings(sections, config.boolValue(SECTION, "enable_notification_mode"),
                Duration.ofSeconds(config.intValue(SECTION, "transcript-ttl")),
                config.intValue(SECTION, "max-open-chats"),
                Duration.ofMillis(config.intValue(SECTION, "notification-poll-interval")));
    }

    /** The settings with no file: every default. */
    public static ChatSettings defaults() {
        return new ChatSettings(Map.of("", Map.of()), true, Duration.ofDays(30), 10000, Duration.ofSeconds(1));
    }

    /** The options of one service: {@code [chat.<service>]} over {@code [chat]} over the defaults. */
    public ChatServiceOptions service(String name) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (Option option : OPTIONS) {
            if (!option.isWildcard()) {
                merged.put(option.name(), option.defaultValue());
            }
        }
        Map<String, String> defaults = new LinkedHashMap<>(merged);
        overlay(merged, sections.getOrDefault("", Map.of()));
        overlay(merged, sections.getOrDefault(name, Map.of()));
        return new ChatServiceOptions(name, merged, defaults);
    }

    private static void overlay(Map<String, String> into, Map<String, String> section) {
        section.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                into.put(key, value.trim());
            }
        });
    }

    public int transcriptTtlSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, transcriptTtl.toSeconds());
    }
}
