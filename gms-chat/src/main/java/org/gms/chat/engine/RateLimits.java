package org.gms.chat.engine;

import java.util.Map;
import org.gms.chat.api.ChatException;

/**
 * Operations per second per chat, counted on this node in one-second windows (a customer's requests reach one node
 * at a time in practice; across nodes the limit is per node).
 */
final class RateLimits {

    private static final int TRACKED = 50_000;

    private final Map<String, long[]> windows = Lru.of(TRACKED);

    void check(String chatId, int perSecond, long nowMillis) {
        long second = nowMillis / 1000;
        synchronized (windows) {
            long[] window = windows.computeIfAbsent(chatId, key -> new long[] {second, 0});
            if (window[0] != second) {
                window[0] = second;
                window[1] = 0;
            }
            if (window[1] >= perSecond) {
                throw new ChatException(ChatException.LIMIT, "More than " + perSecond
                        + " operations per second on this chat (option messages-per-second); retry", true);
            }
            window[1]++;
        }
    }
}
