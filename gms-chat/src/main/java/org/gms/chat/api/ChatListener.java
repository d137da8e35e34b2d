package org.gms.chat.api;

import org.gms.storage.chat.StoredChat;
import org.gms.storage.chat.StoredChatEvent;

/**
 * Hears of every event the engine stored, on the node that stored it, after it is durable: the CometD sessions, the
 * agent channel and mobile push are told this way. A listener must not block: it hands the work to its own threads.
 */
public interface ChatListener {

    ChatListener NONE = new ChatListener() {
    };

    /** An event was stored on this node. */
    default void stored(StoredChat chat, StoredChatEvent event) {
    }

    /** Another node stored events of this chat. */
    default void woken(String chatId) {
    }
}
