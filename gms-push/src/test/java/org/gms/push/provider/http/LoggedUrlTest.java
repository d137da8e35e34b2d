package org.gms.push.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoggedUrlTest {

    @Test
    void should_drop_credentials_and_query_when_a_callback_url_is_logged() {
        assertThat(LoggedUrl.of("https://user:secret@ors.example.com:8443/cb/done?token=abc"))
                .isEqualTo("https://ors.example.com:8443/cb/done?…");
    }

    @Test
    void should_keep_a_plain_url_whole_when_it_carries_nothing_secret() {
        assertThat(LoggedUrl.of("http://10.0.0.5/events")).isEqualTo("http://10.0.0.5/events");
    }

    @Test
    void should_not_echo_the_text_when_it_is_not_a_url() {
        assertThat(LoggedUrl.of("not a url with secret")).isEqualTo("<not an http(s) URL>");
    }
}
