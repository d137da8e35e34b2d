package org.gms.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gms.core.error.BadRequestException;
import org.junit.jupiter.api.Test;

class ServiceSectionTest {

    private static ServiceSection section(String... keyValues) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int index = 0; index < keyValues.length; index += 2) {
            options.put(keyValues[index], keyValues[index + 1]);
        }
        return new ServiceSection("svc", options);
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
        ServiceSection section = section("_target", "a", "_ttl", "60", "_overwritable_options", "_target, _ttl");
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

    @Test
    void should_expand_prefix_ranges_and_fall_back_to_the_node_id_when_the_option_is_empty() {
        assertThat(AccessCodes.prefixes("455, 456-458", 3)).containsExactly("455", "456", "457", "458");
        assertThat(AccessCodes.prefixes("", 7)).containsExactly("7");
        assertThat(AccessCodes.code("455", 6)).matches("455\\d{3}");
    }

    @Test
    void should_reject_as_bad_request_when_the_access_code_length_leaves_no_digit_after_the_prefix() {
        assertThatThrownBy(() -> AccessCodes.code("455", 3)).isInstanceOf(BadRequestException.class)
                .hasMessage("Parameter [_access_code_length] 3 leaves no digit after the access code prefix [455]:"
                        + " use at least 4");
    }
}
