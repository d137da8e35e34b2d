package org.gms.server.security.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogFilterTest {

    private static String apply(String filter, String value) {
        return LogFilter.parse(filter).orElseThrow().apply(value).orElse("<skipped>");
    }

    @Test
    void should_mask_characters_as_the_deployment_guide_describes_when_counted_filters_are_used() {
        assertThat(apply("hide-first,2", "abcdef")).isEqualTo("**cdef");
        assertThat(apply("hide-last,2", "abcdef")).isEqualTo("abcd**");
        assertThat(apply("unhide-first,2", "abcdef")).isEqualTo("ab****");
        assertThat(apply("unhide-last,2", "abcdef")).isEqualTo("****ef");
    }

    @Test
    void should_mask_everything_or_nothing_when_n_exceeds_the_length() {
        assertThat(apply("hide-first,9", "abc")).isEqualTo("***");
        assertThat(apply("hide-last,9", "abc")).isEqualTo("***");
        assertThat(apply("unhide-first,9", "abc")).isEqualTo("abc");
        assertThat(apply("unhide-last,9", "abc")).isEqualTo("abc");
    }

    @Test
    void should_copy_hide_skip_and_tag_when_those_filters_are_named() {
        assertThat(apply("copy", "abc")).isEqualTo("abc");
        assertThat(apply("", "abc")).isEqualTo("abc");
        assertThat(apply("hide", "abc")).isEqualTo("[output suppressed]");
        assertThat(apply("skip", "abc")).isEqualTo("<skipped>");
        assertThat(apply("tag()", "abc")).isEqualTo("<#abc#>");
        assertThat(apply("tag(*)", "abc")).isEqualTo("<#abc#>");
        assertThat(apply("tag()(*)", "abc")).isEqualTo("<#abc#>");
        assertThat(apply("tag(!!!,!!!)", "abc")).isEqualTo("!!!abc!!!");
    }

    @Test
    void should_refuse_a_filter_when_it_is_not_one_of_gms() {
        assertThat(LogFilter.parse("custom-filter")).isEmpty();
        assertThat(LogFilter.parse("hide-first")).isEmpty();
    }
}
