package org.gms.chat.cometd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.gms.chat.cometd.ChatCredentials.Credentials;
import org.junit.jupiter.api.Test;

class ChatCredentialsTest {

    @Test
    void should_read_both_shapes_of_the_auth_object() {
        String encoded = Base64.getEncoder().encodeToString("widget:s3:cret".getBytes(StandardCharsets.UTF_8));

        assertThat(Credentials.of(Map.of("encoded", encoded))).contains(new Credentials("widget", "s3:cret"));
        assertThat(Credentials.of(Map.of("username", "widget", "password", "secret")))
                .contains(new Credentials("widget", "secret"));
        assertThat(Credentials.of(Map.of("password", "secret"))).contains(new Credentials("", "secret"));
    }

    @Test
    void should_find_no_credentials_in_a_missing_or_malformed_auth_object() {
        assertThat(Credentials.of(null)).isEmpty();
        assertThat(Credentials.of("user:password")).isEmpty();
        assertThat(Credentials.of(Map.of())).isEmpty();
        assertThat(Credentials.of(Map.of("encoded", "%%%"))).isEmpty();
        assertThat(Credentials.of(Map.of("encoded", Base64.getEncoder().encodeToString(
                "no colon".getBytes(StandardCharsets.UTF_8))))).isEmpty();
    }

    @Test
    void should_not_print_the_password() {
        assertThat(new Credentials("widget", "secret").toString()).doesNotContain("secret");
    }
}
