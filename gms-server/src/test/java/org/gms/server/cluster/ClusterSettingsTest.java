package org.gms.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.gms.server.config.ConfigLoader;
import org.gms.server.config.GmsConfig;
import org.gms.server.config.GmsOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterSettingsTest {

    @TempDir
    Path home;

    @Test
    void should_use_the_documented_defaults_when_the_cluster_section_is_empty() {
        ClusterSettings settings = ClusterSettings.from(config(Map.of()));

        assertThat(settings.name()).isEqualTo("GMS_Cluster");
        assertThat(settings.secret()).isEmpty();
        assertThat(settings.heartbeatPeriod()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.jobs().queue()).isEqualTo("default");
        assertThat(settings.jobs().shards()).isEqualTo(8);
        assertThat(settings.jobs().pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.jobs().leaseTtl()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.jobs().retention()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void should_never_print_the_secret_when_logged() {
        ClusterSettings settings = ClusterSettings.from(config(Map.of("secret", "s3cr3t-value")));

        assertThat(settings.secret()).isEqualTo("s3cr3t-value");
        assertThat(settings.toString()).doesNotContain("s3cr3t-value");
    }

    private GmsConfig config(Map<String, String> cluster) {
        return new ConfigLoader(home, home.resolve("etc"), home.resolve("logs"), GmsOptions.catalogue(),
                new Properties()).of(Map.of("cluster", cluster), Map.of(), Map.of());
    }
}
