package org.gms.chat.cometd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gms.chat.api.ChatException;
import org.gms.storage.chat.StoredChatEvent;
import org.junit.jupiter.api.Test;

class CometMessagesTest {

    @Test
    void should_keep_the_events_from_the_position_up_to_the_first_missing_index() {
        List<StoredChatEvent> read = List.of(event(3), event(4), event(5), event(7), event(8));

        assertThat(CometMessages.contiguous(read, 4)).extracting(StoredChatEvent::index).containsExactly(4, 5);
        assertThat(CometMessages.contiguous(read, 3)).extracting(StoredChatEvent::index).containsExactly(3, 4, 5);
        assertThat(CometMessages.contiguous(read, 2)).as("the first index is not readable yet").isEmpty();
        assertThat(CometMessages.contiguous(read, 9)).isEmpty();
    }

    @Test
    void should_read_a_transcript_position_given_as_a_number_or_as_text() {
        assertThat(CometMessages.position(Map.of("transcriptPosition", 7L))).isEqualTo(7);
        assertThat(CometMessages.position(Map.of("transcriptPosition", " 12 "))).isEqualTo(12);
        assertThat(CometMessages.position(Map.of("transcriptPosition", 0))).isZero();
        assertThat(CometMessages.position(Map.of())).isNull();
        assertThatThrownBy(() -> CometMessages.position(Map.of("transcriptPosition", -1)))
                .isInstanceOf(ChatException.class);
        assertThatThrownBy(() -> CometMessages.position(Map.of("transcriptPosition", "three")))
                .isInstanceOf(ChatException.class);
    }

    @Test
    void should_read_user_data_values_as_text_and_ignore_anything_else() {
        assertThat(CometMessages.userData(Map.of("userData", Map.of("a", "x", "n", 3L))))
                .containsOnly(Map.entry("a", "x"), Map.entry("n", "3"));
        assertThat(CometMessages.userData(Map.of("userData", "not an object"))).isEmpty();
        assertThat(CometMessages.userData(Map.of())).isEmpty();
    }

    private static StoredChatEvent event(int index) {
        return new StoredChatEvent("c", index, "Message", 1, "Client", "Ann", "m" + index, "", Instant.EPOCH,
                Map.of());
    }
}
