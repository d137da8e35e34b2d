package org.gms.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gms.core.error.BadRequestException;
import org.junit.jupiter.api.Test;

class AccessCodesTest {

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
