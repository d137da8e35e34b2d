package org.gms.server.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IniFileTest {

    @Test
    void should_name_the_option_but_never_echo_its_value_when_it_comes_before_any_section() {
        assertThatThrownBy(() -> IniFile.parse("password = s3cret\n[server]\n", "node.ini"))
                .hasMessage("node.ini:1: option [password] comes before any [section] header")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void should_give_only_the_line_number_when_a_line_has_no_equals_sign() {
        assertThatThrownBy(() -> IniFile.parse("[server]\nname = a\ns3cret-continued\n", "gms.ini"))
                .hasMessage("gms.ini:3: expected 'name = value' or a [section] header")
                .hasMessageNotContaining("s3cret");
    }
}
