package org.gms.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gms.server.security.TestConfigs;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    @Test
    void should_name_the_option_when_external_url_base_has_no_scheme() {
        assertThatThrownBy(() -> ServerSettings.from(TestConfigs.builder()
                .option("server", "external_url_base", "//gmshost:8080/").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[server] external_url_base");
    }

    @Test
    void should_advertise_the_https_port_when_web_scheme_is_https_and_web_port_is_0() {
        ServerSettings settings = ServerSettings.from(TestConfigs.builder().option("server", "web_host", "node1")
                .option("server", "web_scheme", "https").build());
        assertThat(settings.nodeUrl(8080, 8443)).hasToString("https://node1:8443/genesys");
        assertThat(settings.nodeUrl(8080, -1)).hasToString("https://node1:8080/genesys");
    }
}
