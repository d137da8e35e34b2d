package org.gms.storage.chat;

import java.time.Instant;

/**
 * A row of {@code chat_open}: a chat that has not ended, as the queue views and the agent desk list it. The chat row
 * is the truth; this row is a hint checked against it.
 */
public record OpenChat(String chatId, String service, String state, String queue, String agent, String nickname,
                       String subject, Instant createdAt) {
}
