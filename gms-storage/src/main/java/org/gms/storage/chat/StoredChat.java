package org.gms.storage.chat;

import java.time.Instant;
import java.util.Map;

/**
 * One chat session as stored: who asked, where it waits, who serves it, and its participants. The engine owns the
 * meaning of the fields; the row changes only by compare-and-set on {@code version}.
 *
 * @param chatId       the chat id, never changing
 * @param service      the {@code [chat.<service>]} the customer asked
 * @param secureKey    the customer's secret (128 bits, hex)
 * @param userId       the customer's user id
 * @param state        {@code BOT}, {@code WAITING}, {@code ACTIVE} or {@code ENDED}
 * @param queue        the queue (chat endpoint) it waits in or was accepted from
 * @param agent        the agent serving it ({@code ""} when none)
 * @param nickname     the customer's nickname
 * @param subject      the subject given at request time
 * @param email        the customer's e-mail address
 * @param userData     the user data, as the customer and agents set it
 * @param participants the participants as the engine encodes them (JSON)
 * @param createdAt    when the customer asked
 * @param updatedAt    when the row last changed
 * @param endedAt      when it ended, {@code null} before
 * @param version      incremented by every change
 */
public record StoredChat(String chatId, String service, String secureKey, String userId, String state, String queue,
                         String agent, String nickname, String subject, String email, Map<String, String> userData,
                         String participants, Instant createdAt, Instant updatedAt, Instant endedAt, int version) {

    public StoredChat {
        userData = Map.copyOf(userData);
        agent = agent == null ? "" : agent;
        queue = queue == null ? "" : queue;
        subject = subject == null ? "" : subject;
        email = email == null ? "" : email;
        participants = participants == null ? "[]" : participants;
    }

    public boolean ended() {
        return "ENDED".equals(state);
    }

    /** The next version of this chat, as changed at {@code now}. */
    public StoredChat next(String state, String queue, String agent, String nickname, Map<String, String> userData,
                           String participants, Instant now) {
        return new StoredChat(chatId, service, secureKey, userId, state, queue, agent, nickname, subject, email,
                userData, participants, createdAt, now, "ENDED".equals(state) && endedAt == null ? now : endedAt,
                version + 1);
    }
}
