package org.gms.storage.cluster.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.gms.core.config.ConfigSnapshot;
import org.junit.jupiter.api.Test;

class JobSettingsTest {

    @Test
    void should_double_the_retry_delay_up_to_the_maximum_when_attempts_fail() {
        JobSettings settings = JobSettings.from(ConfigSnapshot.of(JobSettings.OPTIONS, Map.of(), Path.of(".")));

        assertThat(settings.backoff(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.backoff(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(settings.backoff(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.backoff(500)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void should_refuse_a_lease_shorter_than_a_second_when_built() {
        assertThatThrownBy(() -> new JobSettings("q", 8, Duration.ofSeconds(1), Duration.ofMillis(500), 4, 10,
                Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(1)))
                .hasMessageContaining("lease TTL");
    }
}
