package org.gms.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\":", "[1,2", "{\"a\" 1}", "not json", "{\"a\":tru}", "{\"a\":\"\\x\"}",
            "{\n\"a\": [1,\n}", "\"unterminated"})
    void should_say_what_is_wrong_with_a_body_without_the_parser_s_advice_or_class_names(String body) {
        JsonProcessingException error = null;
        try {
            Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            error = e;
        }
        assertThat(error).as(body).isNotNull();
        String message = Json.malformed(error);
        assertThat(message).startsWith("Malformed JSON body at line ").contains(", column ")
                .doesNotContain("StreamReadFeature", "Source:", "REDACTED", "com.fasterxml", "jackson", "\n")
                .doesNotContain("start marker at )", "()");
        assertThat(message.substring(message.indexOf(": ") + 2)).isNotBlank();
    }
}
