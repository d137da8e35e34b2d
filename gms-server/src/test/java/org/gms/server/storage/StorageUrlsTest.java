package org.gms.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorageUrlsTest {

    @Test
    void should_percent_encode_everything_but_unreserved_characters_when_a_segment_is_built() {
        assertThat(StorageUrls.segment("a-b_c.d~e")).isEqualTo("a-b_c.d~e");
        assertThat(StorageUrls.segment("photo é;x?y#z+ %")).isEqualTo("photo%20%C3%A9%3Bx%3Fy%23z%2B%20%25");
    }

    @Test
    void should_give_an_ascii_name_and_the_exact_utf8_name_when_a_file_is_downloaded() {
        assertThat(StorageUrls.contentDisposition("été \"1\".png"))
                .isEqualTo("attachment; filename=\"_t_ _1_.png\"; filename*=UTF-8''%C3%A9t%C3%A9%20%221%22.png");
    }
}
