package org.gms.push.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gms.core.config.ConfigSnapshot;
import org.junit.jupiter.api.Test;

class PushConfigurationTest {

    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();

    private PushConfiguration configuration() {
        return PushConfiguration.from(ConfigSnapshot.of(PushOptions.OPTIONS, sections, Path.of(".")));
    }

    private void set(String section, String name, String value) {
        sections.computeIfAbsent(section, key -> new LinkedHashMap<>()).put(name, value);
    }

    @Test
    void should_ignore_bad_entries_with_the_gms_message_when_push_enabled_lists_unknown_types() {
        set("push", "pushEnabled", "comet, bogus ,httpcb,android");

        PushConfiguration configuration = configuration();

        assertThat(configuration.enabledTypes()).containsExactly("comet", "httpcb");
        assertThat(configuration.warnings()).contains(
                "Error parsing value [bogus] in 'pushEnabled' list in section [push], ignored",
                "Push type [android] in 'pushEnabled' list in section [push] is discontinued, ignored");
    }

    @Test
    void should_enable_only_comet_when_push_enabled_is_unset() {
        assertThat(configuration().enabledTypes()).containsExactly("comet");
    }

    @Test
    void should_disable_a_type_with_the_gms_message_when_a_mandatory_option_is_missing() {
        set("push", "pushEnabled", "customhttp,ios,comet");

        PushConfiguration configuration = configuration();

        assertThat(configuration.channel("", "customhttp", false)).isEmpty();
        assertThat(configuration.channel("", "ios", false)).isEmpty();
        assertThat(configuration.channel("", "comet", false)).isPresent();
        assertThat(configuration.warnings()).contains(
                "Mandatory option [customhttp.url] not specified for provider section [push]",
                "Mandatory option [apple.keystore] not specified for provider section [push]");
    }

    @Test
    void should_not_inherit_push_options_when_a_named_provider_is_configured() {
        set("push", "pushEnabled", "customhttp");
        set("push", "customhttp.url", "http://receiver/push");
        set("push.provider.mobile", "apple.topicName", "x");

        PushConfiguration configuration = configuration();

        assertThat(configuration.channel("", "customhttp", false)).isPresent();
        assertThat(configuration.channel("mobile", "customhttp", false)).isEmpty();
        assertThat(configuration.warnings())
                .contains("Mandatory option [customhttp.url] not specified for provider section [push.provider.mobile]");
    }

    @Test
    void should_build_a_debug_channel_from_debug_twins_only_when_its_mandatory_options_are_complete() {
        set("push", "pushEnabled", "ios,customhttp");
        set("push", "apple.keystore", "prod.p12");
        set("push", "apple.keystorePassword", "");
        set("push", "debug.apple.keystore", "sandbox.p12");
        set("push", "customhttp.url", "http://receiver/push");
        set("push", "debug.customhttp.url", "http://receiver/debug");

        PushConfiguration configuration = configuration();

        assertThat(configuration.channel("", "ios", true)).isEmpty();
        assertThat(configuration.warnings())
                .contains("Mandatory option [debug.apple.keystorePassword] not specified for provider section [push]");
        assertThat(configuration.channel("", "customhttp", true).orElseThrow().option("customhttp.url"))
                .isEqualTo("http://receiver/debug");
    }

    @Test
    void should_accept_and_report_discontinued_android_options() {
        set("push", "android.gcm.apiKey", "old");

        assertThat(configuration().warnings())
                .containsExactly("Option [android.gcm.apiKey] in section [push] is discontinued, ignored");
    }

    @Test
    void should_raise_the_default_expiration_to_30_seconds_when_configured_lower() {
        set("push", "defaultSubscriptionExpiration", "10");

        assertThat(configuration().defaultExpiration()).isEqualTo(30);
    }
}
