package org.gms.push.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The push types GMS knows, their mandatory options and the options that belong to each provider. */
public final class PushTypes {

    public static final String COMET = "comet";
    public static final String CUSTOM_HTTP = "customhttp";
    public static final String HTTP_CALLBACK = "httpcb";
    public static final String ORS_CALLBACK = "orscb";
    public static final String FCM = "fcm";
    public static final String IOS = "ios";

    /** Accepted in {@code pushEnabled} for old configurations, reported as discontinued and not enabled. */
    public static final Set<String> DISCONTINUED = Set.of("android", "gcm");
    public static final List<String> SUPPORTED = List.of(COMET, CUSTOM_HTTP, HTTP_CALLBACK, ORS_CALLBACK, FCM, IOS);

    /** Options that only shape the message; they are read from event sections and have no debug twin. */
    public static final Set<String> FORMATTING = Set.of("apple.alert", "apple.title", "apple.badge", "apple.sound",
            "apple.content-available", "fcm.title", "fcm.body");
    public static final String FORMATTING_PREFIX = "apple.alertMessage.";

    /** Credential and transport options of each type: these have {@code debug.} twins. */
    static final Map<String, List<String>> CREDENTIALS = Map.of(
            CUSTOM_HTTP, List.of("customhttp.url"),
            FCM, List.of("fcm.serviceAccount", "fcm.apiKey", "fcm", "fcm.endpoint"),
            IOS, List.of("apple.keystore", "apple.keystorePassword", "apple.authKey", "apple.keyId", "apple.teamId",
                    "apple.topicName", "apple.endpoint"));

    private PushTypes() {
    }

    public static boolean isFormatting(String option) {
        return FORMATTING.contains(option) || option.startsWith(FORMATTING_PREFIX);
    }

    /** The first mandatory option the channel lacks, if any. */
    static Optional<String> missingMandatory(String type, Map<String, String> options) {
        return switch (type) {
            case CUSTOM_HTTP -> missing(options, "customhttp.url");
            case FCM -> present(options, "fcm.serviceAccount") || present(options, "fcm.apiKey")
                    || present(options, "fcm") ? Optional.empty() : Optional.of("fcm.serviceAccount");
            case IOS -> present(options, "apple.authKey")
                    ? missing(options, "apple.keyId", "apple.teamId", "apple.topicName")
                    : missing(options, "apple.keystore").or(() -> options.containsKey("apple.keystorePassword")
                            ? Optional.empty() : Optional.of("apple.keystorePassword"));
            default -> Optional.empty();
        };
    }

    private static Optional<String> missing(Map<String, String> options, String... names) {
        for (String name : names) {
            if (!present(options, name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static boolean present(Map<String, String> options, String name) {
        String value = options.get(name);
        return value != null && !value.isBlank();
    }
}
