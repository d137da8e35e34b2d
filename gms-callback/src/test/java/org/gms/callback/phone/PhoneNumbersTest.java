package org.gms.callback.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
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
                .containsEntry("language-specified", "de")
                // the rest of what GMS answers for this number, but for its carrier (SFR)
                .containsEntry("location", "Frankreich")
                .containsEntry("time-zone", "Europe/Paris")
                .doesNotContainKey("carrier");
    }

    @Test
    void should_answer_in_english_when_no_geocoding_locale_is_given() {
        assertThat(PhoneNumbers.describe("0604120405", "FR", null)).containsEntry("language-specified", "en")
                .containsEntry("location", "France");
        assertThat(PhoneNumbers.describe("0604120405", "FR", " ")).containsEntry("language-specified", "en");
    }

    @Test
    void should_leave_the_location_out_but_answer_the_zone_when_a_fixed_line_is_in_a_one_zone_country() {
        Map<String, Object> fields = PhoneNumbers.describe("0142685300", "FR", "fr");
        assertThat(fields).containsEntry("number-type", "FIXED_LINE").containsEntry("time-zone", "Europe/Paris")
                .doesNotContainKey("location");
    }

    @Test
    void should_leave_the_zone_out_when_the_country_has_several() {
        Map<String, Object> fields = PhoneNumbers.describe("+16502530000", null, null);
        assertThat(fields).containsEntry("region-code", "US").containsEntry("is-valid-number", true)
                .doesNotContainKeys("time-zone", "location", "carrier");
    }

    @Test
    void should_name_the_one_country_a_mobile_number_is_valid_in_when_its_calling_code_is_shared() {
        // +44 is GB, GG, IM and JE
        Map<String, Object> fields = PhoneNumbers.describe("+447400123456", null, "en");
        assertThat(fields).containsEntry("number-type", "MOBILE").containsEntry("region-code", "GB")
                .containsEntry("location", "United Kingdom").containsEntry("time-zone", "Europe/London");
    }

    @Test
    void should_spell_the_zone_as_libphonenumber_does_when_cldr_keeps_an_older_name() {
        Map<String, Object> fields = PhoneNumbers.describe("+919876543210", null, "en");
        assertThat(fields).containsEntry("region-code", "IN").containsEntry("location", "India")
                .containsEntry("time-zone", "Asia/Calcutta");
    }

    @Test
    void should_leave_location_and_zone_out_when_the_number_is_invalid() {
        Map<String, Object> fields = PhoneNumbers.describe("+3312", null, "en");
        assertThat(fields).containsEntry("is-valid-number", false).containsEntry("region-code", "FR")
                .doesNotContainKeys("location", "time-zone");
    }

    @Test
    void should_hold_only_zones_the_jdk_knows_and_no_country_of_several_zones() {
        Map<String, String> zones = RegionTimeZones.all();
        assertThat(zones).hasSize(216).containsEntry("FR", "Europe/Paris").containsEntry("JP", "Asia/Tokyo")
                .doesNotContainKeys("US", "CA", "RU", "DE", "ES", "PT", "AU", "BR", "MX", "CN", "UA");
        zones.forEach((region, zone) -> {
            assertThat(region).matches("[A-Z]{2}");
            assertThat(ZoneId.of(zone).getId()).isEqualTo(zone);
        });
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
