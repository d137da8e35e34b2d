package org.gms.push.provider.apns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;
import org.gms.push.api.PushMessage;
import org.junit.jupiter.api.Test;

class ApnsPayloadTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String aps(Map<String, String> formatting) throws Exception {
        PushMessage message = new PushMessage(UUID.randomUUID(), "sub-1", "ios", "token", "", "", "chat.x", "hello",
                Map.of(), formatting);
        return JSON.writeValueAsString(ApnsPayload.of(message).get("aps"));
    }

    @Test
    void should_leave_the_alert_out_when_no_alert_option_is_set() throws Exception {
        assertThat(aps(Map.of("apple.content-available", "1"))).isEqualTo("{\"content-available\":1}");
    }

    @Test
    void should_build_an_alert_dictionary_when_localization_keys_are_set() throws Exception {
        assertThat(aps(Map.of("apple.alertMessage.loc-key", "CHAT_NEW_AGENT_MESSAGE",
                "apple.alertMessage.action-loc-key", "ACTION_KEY", "apple.alert", "New message", "apple.title", "Chat",
                "apple.alertMessage.loc-argnames", "agent, queue")))
                .isEqualTo("{\"alert\":{\"title\":\"Chat\",\"loc-key\":\"CHAT_NEW_AGENT_MESSAGE\","
                        + "\"action-loc-key\":\"ACTION_KEY\",\"loc-args\":[\"agent\",\"queue\"],"
                        + "\"body\":\"New message\"}}");
    }

    @Test
    void should_send_a_plain_alert_text_badge_and_sound_when_set() throws Exception {
        assertThat(aps(Map.of("apple.alert", "Hi", "apple.badge", "2", "apple.sound", "default")))
                .isEqualTo("{\"alert\":\"Hi\",\"badge\":2,\"sound\":\"default\"}");
    }
}
