package org.gms.server.security.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gms.server.config.GmsConfig;
import org.gms.server.security.TestConfigs;
import org.junit.jupiter.api.Test;

class LogMaskingTest {

    private static LogMasking masking(TestConfigs configs) {
        GmsConfig config = configs.build();
        return new LogMasking(() -> LogFilterSettings.from(config));
    }

    @Test
    void should_print_the_deployment_guide_example_when_its_filters_are_configured() {
        LogMasking masking = masking(TestConfigs.builder()
                .option("log-filter-data", "chatSessionId", "hide")
                .option("log-filter-data", "email", "unhide-last,10")
                .option("log-filter-data", "firstName", "hide")
                .option("log-filter-data", "lastName", "hide-first,1")
                .option("log-filter-data", "subject", "copy")
                .option("log-filter-data", "subscriptionID", "skip"));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("lastName", "Joe");
        parameters.put("firstName", "John");
        parameters.put("email", "johndoe@gmail.com");
        parameters.put("subject", "Question about your product");
        parameters.put("subscriptionID", "0c9a7d3e");

        assertThat(masking.kvList(parameters)).isEqualTo("""
                KVList:
                'lastName' [str] = "*oe"
                'firstName' [output suppressed]
                'email' [str] = "*******@gmail.com"
                'subject' [str] = "Question about your product\"""");
    }

    @Test
    void should_never_log_xxx_parameters_and_suppress_mmm_and_secret_ones_when_no_filter_is_set() {
        LogMasking masking = masking(TestConfigs.builder());
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("XXX_FilterParam", "gone");
        parameters.put("MMM_MaskParam", "4111111111111111");
        parameters.put("password", "s3cret");
        parameters.put("fcm.apiKey", "AIza");
        parameters.put("clientSecret", "abc");
        parameters.put("firstName", new String[] {"Ann"});

        assertThat(masking.mask(parameters)).containsExactly(
                Map.entry("MMM_MaskParam", LogFilter.SUPPRESSED),
                Map.entry("password", LogFilter.SUPPRESSED),
                Map.entry("fcm.apiKey", LogFilter.SUPPRESSED),
                Map.entry("clientSecret", LogFilter.SUPPRESSED),
                Map.entry("firstName", "Ann"));
    }

    @Test
    void should_keep_passwords_hidden_when_a_filter_says_copy() {
        LogMasking masking = masking(TestConfigs.builder().option("log-filter-data", "password", "copy"));
        assertThat(masking.mask("password", "s3cret")).hasValue(LogFilter.SUPPRESSED);
    }

    @Test
    void should_hide_every_kind_of_token_when_the_default_filter_copies() {
        LogMasking masking = masking(TestConfigs.builder().option("log-filter", "default-filter-type", "copy"));
        for (String name : List.of("token", "refresh_token", "id_token", "accessToken", "secureKey")) {
            assertThat(masking.mask(name, "abc")).as(name).hasValue(LogFilter.SUPPRESSED);
        }
    }

    @Test
    void should_apply_the_default_filter_type_when_a_parameter_has_no_rule_of_its_own() {
        LogMasking masking = masking(TestConfigs.builder()
                .option("log-filter", "default-filter-type", "hide-last,2")
                .option("log-filter-data", "city", "copy"));
        assertThat(masking.mask("phone", "5551234")).hasValue("55512**");
        assertThat(masking.mask("city", "Paris")).hasValue("Paris");
    }

    @Test
    void should_hide_the_value_when_the_filter_is_unknown() {
        LogMasking masking = masking(TestConfigs.builder().option("log-filter-data", "card", "custom-filter"));
        assertThat(masking.mask("card", "4111")).hasValue(LogFilter.SUPPRESSED);
    }

    @Test
    void should_suppress_listed_attributes_when_a_message_type_is_in_log_hidden_attributes() {
        LogMasking masking = masking(TestConfigs.builder()
                .option("log-hidden-attributes", "FlexChat.MessageText", "Text, MessageType"));
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("Text", "my card is 4111");
        attributes.put("MessageType", "text");
        attributes.put("Nickname", "Ann");
        assertThat(masking.maskAttributes("FlexChat.MessageText", attributes)).containsExactly(
                Map.entry("Text", LogFilter.SUPPRESSED), Map.entry("MessageType", LogFilter.SUPPRESSED),
                Map.entry("Nickname", "Ann"));
        assertThat(masking.maskAttributes("FlexChat.NoticeText", attributes)).containsEntry("Text", "my card is 4111");
    }

    @Test
    void should_mask_query_string_values_when_an_access_log_line_is_written() {
        LogMasking masking = masking(TestConfigs.builder().option("log-filter-data", "email", "hide"));
        assertThat(QueryStrings.mask("a=1&password=p%40ss&XXX_x=2&email=ann%40x.org&MMM_card=4111", masking))
                .isEqualTo("a=1&password=[output%20suppressed]&email=[output%20suppressed]"
                        + "&MMM_card=[output%20suppressed]");
        assertThat(QueryStrings.parse("a=1&a=2&b")).isEqualTo(Map.of("a", List.of("1", "2"), "b", List.of("")));
    }
}
