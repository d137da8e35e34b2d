package org.gms.callback.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.gms.core.error.BadRequestException;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void should_describe_a_french_mobile_number_when_read_as_national() {
        Map<String, Object> fields = PhoneNumbers.describe("0604120405", "FR", "DE");
        assertThat(fields).containsEntry("number-E164", "+33604120405")
                .containsEntry("number-international", "+33 6 04 12 04 05")
                .containsEntry("number-national", "06 04 12 04 05")
                .containsEntry("number-national-short", 604120405L)
                .containsEntry("country-code", 33)
                .containsEntry("country-code-source", "FROM_DEFAULT_COUNTRY")
                .containsEntry("country-default", "FR")
                .containsEntry("is-valid-number", true)
                .containsEntry("is-valid-number-for-region", true)
                .containsEntry("number-type", "MOBILE")
                .containsEntry("region-code", "FR")
                .containsEntry("language-specified", "de");
    }

    @Test
    void should_refuse_with_the_gms_message_when_the_number_cannot_be_parsed() {
        assertThatThrownBy(() -> PhoneNumbers.describe("bad", "DE", null))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Invalid Phone Number bad for Country DE (parsing impossible)");
    }

    @Test
    void should_flag_premium_numbers_when_checked() {
        assertThat(PhoneNumbers.isPremium(PhoneNumbers.parse("+19005551234", null))).isTrue();
        assertThat(PhoneNumbers.isPossible(PhoneNumbers.parse("111", "US"))).isFalse();
    }
}
