package org.gms.push.api;

import java.util.Map;

/**
 * A publish: the message goes to every live subscription whose filter matches {@code tag}.
 *
 * @param tag        event tag, e.g. {@code ors.contact.12345678}
 * @param message    text, or a localization key when {@code mediaType} is {@code localizestring}
 * @param mediaType  {@code string} (default) or {@code localizestring}
 * @param properties {@code notificationDetails.properties} of the publish, overlaid on each subscription's
 */
public record PublishRequest(String tag, String message, String mediaType, Map<String, String> properties) {

    public static final String STRING = "string";
    public static final String LOCALIZE_STRING = "localizestring";

    public PublishRequest {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        mediaType = mediaType == null || mediaType.isBlank() ? STRING : mediaType.trim();
    }
}
