package org.gms.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gms.core.config.NamedSection;
import org.junit.jupiter.api.Test;

class NamedSectionTest {

    private static NamedSection section(String... keyValues) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int index = 0; index < keyValues.length; index += 2) {
            options.put(keyValues[index], keyValues[index + 1]);
        }
        return NamedSection.service("svc", options);
    }

    @Test
    void should_let_configured_underscore_options_win_when_the_request_sends_them_too() {
        Map<String, String> effective = section("_type", "builtin", "_ttl", "60", "username", "secret-user")
                .effective(Map.of("_ttl", "5", "first_name", "Ada"));
        assertThat(effective).containsEntry("_ttl", "60").containsEntry("first_name", "Ada")
                .doesNotContainKeys("_type", "username");
    }

    @Test
    void should_take_or_unset_the_request_value_when_the_option_is_overwritable() {
        NamedSection section = section("_target", "a", "_ttl", "60", "_overwritable_options", "_target, _ttl");
        assertThat(section.effective(Map.of("_target", "b", "_ttl", ""))).containsEntry("_target", "b")
                .doesNotContainKey("_ttl");
        assertThat(section.effective(Map.of())).containsEntry("_target", "a").containsEntry("_ttl", "60");
    }

    @Test
    void should_replace_each_token_when_values_name_request_parameters() {
        assertThat(section("_target", "Billing@$stat$.GA", "_other", "$missing$x")
                .effective(Map.of("stat", "Stat_Server1")))
                .containsEntry("_target", "Billing@Stat_Server1.GA").containsEntry("_other", "x");
    }

    @Test
    void should_redirect_only_when_configured_or_overwritable() {
        assertThat(section("_redirect", "other").redirect(Map.of("_redirect", "x"))).isEqualTo("other");
        assertThat(section("_redirect", "", "_overwritable_options", "_redirect").redirect(Map.of("_redirect", "x")))
                .isEqualTo("x");
    }
}
