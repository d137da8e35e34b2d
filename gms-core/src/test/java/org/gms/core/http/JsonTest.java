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

    @org.junit.jupiter.api.Test
    void should_tell_lone_surrogates_from_pairs_anywhere_in_a_body() throws Exception {
        assertThat(Json.wellFormed("plain text, caf\u00e9, \ud83d\ude00")).isTrue();
        assertThat(Json.wellFormed("a\ud800")).isFalse();
        assertThat(Json.wellFormed("\udc00b")).isFalse();
        assertThat(Json.wellFormed("\ude00\ud83d")).isFalse();

        assertThat(Json.requireWellFormed(Json.MAPPER.readTree("{\"a\":[\"\\ud83d\\ude00\",{\"b\":1}]}"))).isNotNull();
        for (String body : new String[] {"{\"tag\":\"x\\ud800\"}", "{\"a\":[{\"b\":\"\\udfff\"}]}",
                "[\"ok\",\"\\ud800\"]"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Json.requireWellFormed(Json.MAPPER.readTree(body)))
                    .as(body).isInstanceOf(org.gms.core.error.BadRequestException.class)
                    .hasMessage(Json.LONE_SURROGATE);
        }
    }
}
