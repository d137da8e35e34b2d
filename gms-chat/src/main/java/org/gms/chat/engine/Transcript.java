package org.gms.chat.engine;

import java.util.List;
import java.util.Map;
import org.gms.chat.api.ChatException;
import org.gms.storage.chat.ChatRepository;
import org.gms.storage.chat.StoredChatEvent;

/**
 * Appends events to transcripts with dense indexes. Writers of one chat on this node take turns (a lock per chat
 * stripe); the index is the last one known plus one, taken by {@code IF NOT EXISTS}: when another node took it
 * first, the last index is read again and the next one tried. No index is skipped (only the last stored index plus
 * one is ever tried) and none is written twice.
 */
final class Transcript {

    private static final int STRIPES = 256;
    private static final int ATTEMPTS = 20;
    private static final int CACHED_CHATS = 20_000;

    private final ChatRepository repository;
    private final Object[] locks = new Object[STRIPES];
    private final Map<String, Integer> lastIndexes = Lru.of(CACHED_CHATS);

    Transcript(ChatRepository repository) {
        this.repository = repository;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** Stores the event (its index is ignored) at the next free index and returns it as stored. */
    StoredChatEvent append(StoredChatEvent event, int ttlSeconds) {
        synchronized (locks[Math.floorMod(event.chatId().hashCode(), STRIPES)]) {
            Integer known = cached(event.chatId());
            int last = known == null ? repository.lastIndex(event.chatId()) : known;
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                StoredChatEvent placed = event.at(last + 1);
                if (repository.append(placed, ttlSeconds)) {
                    remember(event.chatId(), placed.index());
                    return placed;
                }
                last = repository.lastIndex(event.chatId());
            }
            forget(event.chatId());
            throw new ChatException(ChatException.UNAVAILABLE, "The transcript is busy; try again", true);
        }
    }

    /** The last index stored, as this node knows it or as read. */
    int lastIndex(String chatId) {
        Integer known = cached(chatId);
        return known != null ? known : repository.lastIndex(chatId);
    }

    List<StoredChatEvent> read(String chatId, int from, int limit) {
        return repository.events(chatId, from, limit);
    }

    private Integer cached(String chatId) {
        synchronized (lastIndexes) {
            return lastIndexes.get(chatId);
        }
    }

    private void remember(String chatId, int index) {
        synchronized (lastIndexes) {
            lastIndexes.put(chatId, index);
        }
    }

    void forget(String chatId) {
        synchronized (lastIndexes) {
            lastIndexes.remove(chatId);
        }
    }
}
