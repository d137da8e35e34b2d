package org.gms.callback.ors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.gms.core.config.NamedSection;
import org.junit.jupiter.api.Test;

/** Which ORS URLs and strategy a request of a service goes to. */
class OrsTargetTest {

    private static final OrsSettings SERVER_WIDE = new OrsSettings(List.of("http://central:7210"),
            LoadBalancing.CIRCULAR, OrsSettings.DEFAULT_CONNECT_TIMEOUT, OrsSettings.DEFAULT_REQUEST_TIMEOUT);

    @Test
    void should_use_the_service_list_and_strategy_when_the_section_sets_them() {
        NamedSection section = NamedSection.service("hello", Map.of("_ors", " http://a:7210/ , http://b:7210",
                "_ors_lb_strategy", "linear"));

        OrsTarget target = OrsTarget.of(section, Map.of(), SERVER_WIDE);

        assertThat(target.urls()).containsExactly(URI.create("http://a:7210"), URI.create("http://b:7210"));
        assertThat(target.strategy()).isEqualTo(LoadBalancing.LINEAR);
    }

    @Test
    void should_fall_back_to_the_server_wide_options_when_the_section_sets_none() {
        OrsTarget target = OrsTarget.of(NamedSection.service("hello", Map.of("_ors", "\"\"")), Map.of(),
                SERVER_WIDE);

        assertThat(target.urls()).containsExactly(URI.create("http://central:7210"));
        assertThat(target.strategy()).isEqualTo(LoadBalancing.CIRCULAR);
    }

    @Test
    void should_ignore_a_request_ors_unless_the_section_lets_requests_override_it() {
        NamedSection closed = NamedSection.service("hello", Map.of("_ors", "http://a:7210"));
        NamedSection open = NamedSection.service("hello", Map.of("_ors", "http://a:7210",
                "_overwritable_options", "_target, _ors"));
        Map<String, String> request = Map.of("_ors", "http://elsewhere:7210");

        assertThat(OrsTarget.of(closed, request, SERVER_WIDE).urls()).containsExactly(URI.create("http://a:7210"));
        assertThat(OrsTarget.of(open, request, SERVER_WIDE).urls())
                .containsExactly(URI.create("http://elsewhere:7210"));
        assertThat(OrsTarget.of(NamedSection.service("hello", Map.of()), request, SERVER_WIDE).urls())
                .containsExactly(URI.create("http://central:7210"));
    }

    @Test
    void should_replace_tokens_and_skip_entries_that_are_not_http_urls() {
        NamedSection section = NamedSection.service("hello", Map.of("_ors",
                "http://$site$:7210,ftp://files:21,not a url,https://secure:8443"));

        OrsTarget target = OrsTarget.of(section, Map.of("site", "ors-east"), SERVER_WIDE);

        assertThat(target.urls()).containsExactly(URI.create("http://ors-east:7210"),
                URI.create("https://secure:8443"));
    }

    @Test
    void should_keep_the_server_wide_strategy_when_the_service_value_is_wrong() {
        NamedSection section = NamedSection.service("hello", Map.of("_ors", "http://a:7210",
                "_ors_lb_strategy", "random"));

        assertThat(OrsTarget.of(section, Map.of(), SERVER_WIDE).strategy()).isEqualTo(LoadBalancing.CIRCULAR);
    }

    @Test
    void should_read_the_session_id_from_the_fields_ors_versions_use_when_a_session_starts() {
        URI ors = URI.create("http://a:7210");

        assertThat(new OrsAnswer(ors, 200, "application/json", "{\"sessionid\":\"0A1B\"}").sessionId())
                .contains("0A1B");
        assertThat(new OrsAnswer(ors, 200, "application/json", "{\"_sessionId\":\"0A1C\"}").sessionId())
                .contains("0A1C");
        assertThat(new OrsAnswer(ors, 200, "text/plain", "started").sessionId()).isEmpty();
        assertThat(new OrsAnswer(ors, 200, "application/json", "{\"msg\":\"hello\"}").sessionId()).isEmpty();
    }
}
