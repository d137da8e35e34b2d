package org.gms.storage.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.gms.core.error.BadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorageNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "a\\b", "..", ".", "tab\tkey", ""})
    void should_refuse_with_400_when_a_key_could_escape_its_path_segment(String key) {
        assertThatThrownBy(() -> StorageNames.requireKey(key)).isInstanceOf(BadRequestException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"_subject", "clé ünïcode", "値 😀", "a.b", "x=1&y"})
    void should_accept_any_other_unicode_key(String key) {
        assertThat(StorageNames.requireKey(key)).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"service:1-abc", "a b", "-leading", "../x", "é"})
    void should_refuse_an_id_outside_the_id_syntax(String id) {
        assertThatThrownBy(() -> StorageNames.requireId(id)).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("Invalid storage id");
    }

    @Test
    void should_accept_uuids_and_custom_ids() {
        assertThat(StorageNames.requireId("6f1c2a8e-0000-4000-8000-000000000000")).isNotEmpty();
        assertThat(StorageNames.requireId("order-42.v1_x~y@z")).isNotEmpty();
        assertThatThrownBy(() -> StorageNames.requireId("a".repeat(129))).hasMessageContaining("longer than 128");
    }

    @Test
    void should_fall_back_to_30_seconds_when_the_ttl_is_not_a_positive_number() {
        assertThat(DocumentRepository.ttl("0")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DocumentRepository.ttl("-1")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DocumentRepository.ttl("ten")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DocumentRepository.ttl("600")).isEqualTo(Duration.ofSeconds(600));
        assertThatThrownBy(() -> DocumentRepository.ttl("9223372036854775808"))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("larger than the maximum");
        assertThatThrownBy(() -> DocumentRepository.ttl("+99999999999999999999999"))
                .isInstanceOf(BadRequestException.class);
        assertThat(DocumentRepository.ttl("-9223372036854775809")).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> DocumentRepository.ttl("999999999999")).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("maximum of 630720000 seconds");
    }
}
