package org.gms.chat.engine;

import java.util.List;
import java.util.Map;
import org.gms.storage.chat.StoredChat;
import org.gms.storage.chat.StoredChatEvent;

/**
 * A chat as one v2 answer shows it: the chat, the events from the position asked, the next position to ask.
 *
 * @param chat         the chat
 * @param events       the events from the requested position, in index order, each once
 * @param nextPosition the index to ask next
 * @param userData     the answer's own user data ({@code file-id} of an upload), usually empty
 */
public record ChatView(StoredChat chat, List<StoredChatEvent> events, int nextPosition,
                       Map<String, String> userData) {

    public ChatView {
        events = List.copyOf(events);
        userData = Map.copyOf(userData);
    }

    public boolean ended() {
        return chat.ended();
    }
}
