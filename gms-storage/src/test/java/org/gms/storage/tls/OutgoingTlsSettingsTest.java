package org.gms.storage.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutgoingTlsSettingsTest {

    @TempDir
    Path home;

    @Test
    void should_be_off_with_tls_1_2_minimum_when_the_section_says_nothing() {
        OutgoingTlsSettings settings = OutgoingTlsSettings.from("push.provider.x", Map.of(), "", home);
        assertThat(settings.mode()).isEqualTo(TlsMode.OFF);
        assertThat(settings.minVersion()).isEqualTo("TLSv1.2");
        assertThat(TlsContextFactory.create(settings)).isEmpty();
        assertThat(TlsContextFactory.protocols(settings)).containsExactly("TLSv1.2", "TLSv1.3");
    }

    @Test
    void should_read_prefixed_keys_and_resolve_files_against_home_when_mutual_tls_is_configured() throws Exception {
        Files.writeString(home.resolve("client.p12"), "x");
        OutgoingTlsSettings settings = OutgoingTlsSettings.from("cassandra", Map.of("webhook.tls-mode", "Mutual",
                "webhook.tls-client-certificate", "client.p12", "webhook.tls-client-certificate-password", "pw",
                "webhook.tls-min-version", "TLSv1.3"), "webhook.", home);
        assertThat(settings.mode()).isEqualTo(TlsMode.MUTUAL);
        assertThat(settings.clientCertificate()).hasValue(home.resolve("client.p12"));
        assertThat(TlsContextFactory.protocols(settings)).containsExactly("TLSv1.3");
        assertThat(settings.toString()).doesNotContain("pw");
    }

    @Test
    void should_name_section_and_option_when_a_value_is_wrong() {
        assertThatThrownBy(() -> OutgoingTlsSettings.from("push", Map.of("tls-mode", "maybe"), "", home))
                .hasMessage("Wrong value [maybe] for option [push] tls-mode: use off, single or mutual");
        assertThatThrownBy(() -> OutgoingTlsSettings.from("push", Map.of("tls-min-version", "TLSv1.1"), "", home))
                .hasMessage("Wrong value [TLSv1.1] for option [push] tls-min-version: use TLSv1.2 or TLSv1.3");
        assertThatThrownBy(() -> OutgoingTlsSettings.from("push", Map.of("tls-mode", "mutual"), "", home))
                .hasMessage("Mandatory option [push] tls-client-certificate not specified for tls-mode mutual");
        assertThatThrownBy(() -> OutgoingTlsSettings.from("push", Map.of("tls-truststore", "none.p12"), "", home))
                .hasMessageStartingWith("Wrong value [none.p12] for option [push] tls-truststore: no readable file");
    }
}
