package org.gms.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.gms.server.ServerSettings;
import org.gms.server.security.TestConfigs;
import org.junit.jupiter.api.Test;

class ConfigHolderTest {

    @Test
    void should_build_settings_again_only_when_the_configuration_changes() {
        ConfigHolder holder = new ConfigHolder(TestConfigs.builder().option("server", "cacheSeconds", "5").build());
        AtomicInteger builds = new AtomicInteger();
        Supplier<ServerSettings> settings = holder.settings(config -> {
            builds.incrementAndGet();
            return ServerSettings.from(config);
        });
        assertThat(settings.get().cacheSeconds()).isEqualTo(5);
        assertThat(settings.get().cacheSeconds()).isEqualTo(5);
        assertThat(builds).hasValue(1);

        holder.update(TestConfigs.builder().option("server", "cacheSeconds", "60").build());

        assertThat(settings.get().cacheSeconds()).isEqualTo(60);
        assertThat(builds).hasValue(2);
    }

    @Test
    void should_keep_the_previous_settings_when_the_new_configuration_is_refused() {
        ConfigHolder holder = new ConfigHolder(TestConfigs.builder()
                .option("server", "external_url_base", "http://lb:8080/").build());
        Supplier<ServerSettings> settings = holder.settings(ServerSettings::from);

        holder.update(TestConfigs.builder().option("server", "external_url_base", "lb-without-scheme").build());

        assertThat(settings.get().externalUrlBase()).hasValueSatisfying(uri ->
                assertThat(uri.toString()).isEqualTo("http://lb:8080/"));
    }
}
