package org.gms.storage.chat;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One file of a chat as stored.
 *
 * @param fileId        unique within the chat
 * @param size          bytes
 * @param description   {@code ""} when none
 * @param userData      the key-value pairs sent with the upload
 * @param participantId the participant who uploaded it
 * @param deleted       whether it was deleted; its bytes are gone then, its row stays for the transcript
 * @param downloads     completed downloads counted so far
 */
public record StoredChatFile(String chatId, String fileId, String name, String contentType, long size,
                             String description, Map<String, String> userData, Instant uploadedAt,
                             int participantId, boolean deleted, int downloads) {

    public StoredChatFile {
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
        description = description == null ? "" : description;
        userData = userData == null ? Map.of() : Map.copyOf(userData);
    }
}
