package org.gms.push.config;

import static org.gms.core.config.ReloadPolicy.IMMEDIATE;
import static org.gms.core.config.ReloadPolicy.RESTART;

import java.util.ArrayList;
import java.util.List;
import org.gms.core.config.Option;
import org.gms.core.config.OptionType;
import org.gms.push.engine.EngineSettings;

/**
 * The option declarations of the notification API and push delivery: {@code [push]}, {@code [push.provider.*]},
 * {@code [notification]}, {@code [gms]}; the defaults here are the only ones (the code reads them through the
 * configuration, or through these constants).
 */
public final class PushOptions {

    private static final String PUSH = PushConfiguration.SECTION;
    public static final String DEFAULT_FCM_ENDPOINT = "https://fcm.googleapis.com";
    public static final String DEFAULT_APNS_ENDPOINT = "https://api.push.apple.com";
    public static final String APNS_SANDBOX = "https://api.sandbox.push.apple.com";
    public static final List<Option> OPTIONS = build();

    private PushOptions() {
    }

    private static List<Option> build() {
        List<Option> options = new ArrayList<>(List.of(
                Option.list(PUSH, "pushEnabled", "comet", RESTART,
                        "Enabled push types: comet, customhttp, httpcb, orscb, fcm, ios (android, gcm: discontinued)."
                                + " Set but empty: no push type.").keepingBlank(),
                Option.integer(PUSH, "defaultSubscriptionExpiration", PushConfiguration.MINIMUM_EXPIRATION,
                        PushConfiguration.MINIMUM_EXPIRATION, 630720000, RESTART,
                        "Seconds a subscription lives when the request gives no expire (at least 30)."),
                Option.list(PUSH, "filtering_chat_events", "Notice.TypingStarted,Notice.TypingStopped", RESTART,
                        "Chat events that are not pushed to mobile devices."),
                Option.string(PUSH, "localizationFileLocation", "", RESTART,
                        "Ini file of localized messages ([language] key = text) for mediaType localizestring."),
                Option.integer(PUSH, "httpcb.connection_max_connections_per_route", HttpSettings.DEFAULT_PER_ROUTE, 2,
                        100000, RESTART,
                        "Connections per destination of outgoing push HTTP (customhttp, httpcb, orscb, fcm)."),
                Option.integer(PUSH, "httpcb.max_connections_total", HttpSettings.DEFAULT_TOTAL, 5, 1000000, RESTART,
                        "Simultaneous outgoing push HTTP requests over all destinations."),
                Option.integer(PUSH, "httpcb.connection_timeout", HttpSettings.DEFAULT_CONNECT_TIMEOUT_SECONDS, 1, 300,
                        RESTART,
                        "Connect timeout of outgoing push HTTP, in seconds."),
                Option.integer(PUSH, "delivery-max-attempts", EngineSettings.DEFAULT_MAX_ATTEMPTS, 1, 100, RESTART,
                        "Attempts of a push after transient failures (exponential backoff) before it is dropped."),
                Option.string(PUSH, "customhttp.url", "", RESTART,
                        "customhttp: URL receiving POST {\"deviceId\",\"message\"} (mandatory for customhttp)."),
                Option.string(PUSH, "fcm.serviceAccount", "", RESTART,
                        "fcm: Google service-account JSON file for FCM HTTP v1."),
                Option.secret(PUSH, "fcm.apiKey", RESTART, "fcm: legacy server key (old setups)."),
                Option.string(PUSH, "fcm", "", RESTART, "fcm: name of a section whose password is the server key."),
                Option.string(PUSH, "fcm.endpoint", DEFAULT_FCM_ENDPOINT, RESTART, "fcm: FCM base URL."),
                Option.string(PUSH, "fcm.title", "", RESTART, "fcm: notification title."),
                Option.string(PUSH, "fcm.body", "", RESTART, "fcm: notification body; empty: the message."),
                Option.string(PUSH, "apple.keystore", "", RESTART, "ios: .p12 (or JKS) client certificate of APNs."),
                Option.secret(PUSH, "apple.keystorePassword", RESTART, "ios: password of apple.keystore (may be empty)."),
                Option.string(PUSH, "apple.topicName", "", RESTART, "ios: apns-topic, the app bundle id."),
                Option.string(PUSH, "apple.authKey", "", RESTART, "ios: .p8 token key (instead of the certificate)."),
                Option.string(PUSH, "apple.keyId", "", RESTART, "ios: key id of apple.authKey."),
                Option.string(PUSH, "apple.teamId", "", RESTART, "ios: team id of apple.authKey."),
                Option.string(PUSH, "apple.endpoint", DEFAULT_APNS_ENDPOINT, RESTART, "ios: APNs base URL."),
                Option.string(PUSH, "apple.alert", "", RESTART, "ios: aps.alert text; no alert option: no alert."),
                Option.string(PUSH, "apple.title", "", RESTART, "ios: alert title."),
                Option.string(PUSH, "apple.badge", "", RESTART, "ios: aps.badge number; empty: no badge entry."),
                Option.string(PUSH, "apple.sound", "", RESTART, "ios: aps.sound file name, or default."),
                Option.string(PUSH, "apple.content-available", "", RESTART, "ios: 1 for a silent notification.")));
        for (String field : List.of("action-loc-key", "body", "launch-image", "loc-argnames", "loc-key")) {
            options.add(Option.string(PUSH, "apple.alertMessage." + field, "", RESTART, "ios: alert " + field + "."));
        }
        for (String twin : List.of("customhttp.url", "fcm.serviceAccount", "fcm", "fcm.endpoint", "apple.keystore",
                "apple.authKey", "apple.keyId", "apple.teamId", "apple.topicName", "apple.endpoint")) {
            options.add(Option.string(PUSH, "debug." + twin, "", RESTART,
                    "Debug channel (notifications with debug=true): " + twin + "."));
        }
        options.add(Option.secret(PUSH, "debug.fcm.apiKey", RESTART, "Debug channel: fcm.apiKey."));
        options.add(Option.secret(PUSH, "debug.apple.keystorePassword", RESTART,
                "Debug channel: apple.keystorePassword."));
        for (String discontinued : List.of("collapseKey", "delayWhileIdle", "gcm.apiKey", "gcm.retryNumber",
                "senderAccountType", "senderEmail", "senderPassword", "source", "ssl_trust_all",
                "unavailability_retry_timeout")) {
            options.add(Option.string(PUSH, "android." + discontinued, "", RESTART,
                    "Discontinued (GMS 8.5.114.09): accepted, reported and ignored."));
        }
        options.add(new Option("push.provider.*", "*", OptionType.STRING, "", List.of(), RESTART,
                "Named providers [push.provider.<name>] and formatting sections [push.provider.event[.<event>]]."));
        options.add(Option.integer("notification", "unsubscribe-delay", 0, 0, 86400, IMMEDIATE,
                "Seconds a deleted subscription still receives pushes before it is really removed."));
        options.add(Option.bool("gms", "http.ssl_trust_all", false, RESTART,
                "Outgoing push and callback webhook HTTPS: trust every server certificate (tests only)."));
        options.add(Option.string("gms", "http.truststore", "", RESTART,
                "Outgoing push and callback webhook HTTPS: trust store (JKS/PKCS#12) used by those clients only;"
                        + " empty: JVM default."));
        options.add(Option.secret("gms", "http.truststore-password", RESTART, "Password of http.truststore."));
        options.addAll(CallbackUrlPolicy.OPTIONS);
        return List.copyOf(options);
    }
}
