package org.gms.storage.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LocalLocksTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    private final LocalLocks locks = new LocalLocks();

    @Test
    void should_drop_lapsed_holds_when_a_later_hold_is_taken() {
        for (int code = 0; code < 100; code++) {
            assertThat(locks.tryHold("7400001", Integer.toString(code), "instance-" + code, NOW,
                    NOW.plusSeconds(30))).isTrue();
        }
        assertThat(locks.size()).isEqualTo(100);

        Instant later = NOW.plus(LocalLocks.PURGE_INTERVAL).plusSeconds(31);
        assertThat(locks.tryHold("7400002", "", "next", later, later.plusSeconds(30))).isTrue();
        assertThat(locks.size()).isEqualTo(1);
        assertThat(locks.isHeld("7400002", "", later)).isTrue();
    }

    @Test
    void should_keep_live_holds_when_lapsed_ones_are_purged() {
        assertThat(locks.tryHold("7400003", "", "short", NOW, NOW.plusSeconds(5))).isTrue();
        assertThat(locks.tryHold("7400004", "", "long", NOW, NOW.plus(Duration.ofHours(1)))).isTrue();

        Instant later = NOW.plus(LocalLocks.PURGE_INTERVAL).plusSeconds(1);
        assertThat(locks.tryHold("7400004", "", "other", later, later.plusSeconds(30))).isFalse();
        assertThat(locks.size()).isEqualTo(1);
        assertThat(locks.isHeld("7400004", "", later)).isTrue();
        assertThat(locks.tryHold("7400003", "", "other", later, later.plusSeconds(30))).isTrue();
    }
}
