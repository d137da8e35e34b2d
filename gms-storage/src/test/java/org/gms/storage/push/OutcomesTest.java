package org.gms.storage.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomesTest {

    @Test
    void should_read_back_every_slot_and_outcome_when_written_over_several_cells() {
        ByteBuffer first = ByteBuffer.allocate(2 * Outcomes.ENTRY_BYTES);
        Outcomes.put(first, 0, "sent");
        Outcomes.put(first, 199, "rejected");
        first.flip();
        ByteBuffer second = ByteBuffer.allocate(2 * Outcomes.ENTRY_BYTES);
        Outcomes.put(second, 7, "expired");
        Outcomes.put(second, 8, "something new");
        second.flip();

        assertThat(Outcomes.read(List.of(first, second)))
                .isEqualTo(Map.of(0, "sent", 199, "rejected", 7, "expired", 8, "other"));
        assertThat(first.remaining()).as("reading leaves the cell as it was").isEqualTo(6);
    }
}
