package org.gms.storage.chat;

import java.time.Instant;
import java.util.Map;

/**
 * One event of a chat transcript. Indexes are dense per chat, 1, 2, 3…: an index is taken by a lightweight
 * transaction, so two nodes writing to one chat never store two events at one index.
 *
 * @param chatId          the chat
 * @param index           the position in the transcript, from 1
 * @param type            {@code Message}, {@code ParticipantJoined}, ...
 * @param participantId   who caused it
 * @param participantType {@code Client}, {@code Agent}, {@code Supervisor} or {@code External}
 * @param nickname        the participant's nickname at that time
 * @param text            the text ({@code ""} when none)
 * @param messageType     the client's message type ({@code ""} when none)
 * @param time            when it happened
 * @param userData        the event's user data
 */
public record StoredChatEvent(String chatId, int index, String type, int participantId, String participantType,
                              String nickname, String text, String messageType, Instant time,
                              Map<String, String> userData) {

    public StoredChatEvent {
        text = text == null ? "" : text;
        messageType = messageType == null ? "" : messageType;
        userData = Map.copyOf(userData);
    }

    /** The same event at another index. */
    public StoredChatEvent at(int newIndex) {
        return new StoredChatEvent(chatId, newIndex, type, participantId, participantType, nickname, text, messageType,
                time, userData);
    }
}
