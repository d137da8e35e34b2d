package org.gms.storage.push;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact form of the outcomes recorded in one flush for one outbox row: per target, its slot (2 bytes) and an
 * outcome code (1 byte). One cell for many outcomes keeps the cost of finishing a push far below that of a cell each.
 */
final class Outcomes {

    static final int ENTRY_BYTES = 3;
    private static final List<String> CODES = List.of("sent", "rejected", "failed", "expired");
    private static final String OTHER = "other";

    private Outcomes() {
    }

    static void put(ByteBuffer entries, int slot, String outcome) {
        int code = CODES.indexOf(outcome);
        entries.putShort((short) slot).put((byte) (code < 0 ? CODES.size() : code));
    }

    /** Outcome by slot, from every cell of a row. */
    static Map<Integer, String> read(Collection<ByteBuffer> cells) {
        Map<Integer, String> outcomes = new HashMap<>();
        for (ByteBuffer cell : cells) {
            ByteBuffer entries = cell.duplicate();
            while (entries.remaining() >= ENTRY_BYTES) {
                int slot = Short.toUnsignedInt(entries.getShort());
                int code = entries.get();
                outcomes.put(slot, code >= 0 && code < CODES.size() ? CODES.get(code) : OTHER);
            }
        }
        return outcomes;
    }
}
