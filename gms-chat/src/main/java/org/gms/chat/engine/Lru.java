package org.gms.chat.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** Per-chat memory of a node, bounded: the most recently used entries, at most {@code max} (not thread-safe). */
final class Lru {

    private Lru() {
    }

    static <K, V> Map<K, V> of(int max) {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }
}
