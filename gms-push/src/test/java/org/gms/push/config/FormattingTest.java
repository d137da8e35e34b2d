package org.gms.push.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gms.core.config.ConfigSnapshot;
import org.gms.push.engine.TagFilter;
import org.junit.jupiter.api.Test;

class FormattingTest {

    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();

    private void set(String section, String name, String value) {
        sections.computeIfAbsent(section, key -> new LinkedHashMap<>()).put(name, value);
    }

    @Test
    void should_take_the_most_specific_section_first_when_resolving_formatting_options() {
        set("push.provider.mobile", "apple.alert", "provider");
        set("push.provider.mobile", "apple.sound", "provider-sound");
        set("push.provider.event", "apple.alert", "all events");
        set("push.provider.event", "apple.badge", "1");
        set("push.provider.event.chat", "apple.alert", "chat");
        set("push.provider.event.chat", "fcm.title", "chat title");
        set("push.provider.event.chat.newagentmessage", "apple.alert", "new agent message");
        set("push.provider.mobile.event.chat.newagentmessage", "fcm.title", "mobile title");
        set("push.provider.event.chat", "customhttp.url", "ignored: not a formatting option");

        Map<String, String> resolved = new Formatting(ConfigSnapshot.of(PushOptions.OPTIONS, sections, Path.of(".")))
                .resolve("mobile", "push.provider.mobile", "chat.newagentmessage");

        assertThat(resolved).containsEntry("apple.alert", "new agent message")
                .containsEntry("fcm.title", "mobile title")
                .containsEntry("apple.badge", "1")
                .containsEntry("apple.sound", "provider-sound")
                .doesNotContainKey("customhttp.url");
    }

    @Test
    void should_fall_back_to_the_push_section_when_no_event_section_applies() {
        set("push", "apple.alert", "default alert");
        set("push.provider.event.chat", "apple.alert", "chat");

        assertThat(new Formatting(ConfigSnapshot.of(PushOptions.OPTIONS, sections, Path.of("."))).resolve("", "push", "ors.contact.1"))
                .containsExactly(Map.entry("apple.alert", "default alert"));
    }

    @Test
    void should_match_exact_and_trailing_star_filters_when_a_tag_is_published() {
        assertThat(TagFilter.matches("ors.contact.1", "ors.contact.1")).isTrue();
        assertThat(TagFilter.matches("ors.contact.*", "ors.contact.1")).isTrue();
        assertThat(TagFilter.matches("*", "anything")).isTrue();
        assertThat(TagFilter.matches("ors.contact.1", "ors.contact.12")).isFalse();
        assertThat(TagFilter.candidates("ab", java.util.Set.of(2, 0, 1))).containsExactly("ab", "*", "a*", "ab*");
        assertThat(TagFilter.candidates("ab", java.util.Set.of(1, 7))).containsExactly("ab", "a*");
        assertThat(TagFilter.candidates("ab", java.util.Set.of())).containsExactly("ab");
    }
}
