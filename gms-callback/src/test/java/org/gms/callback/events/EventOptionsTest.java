package org.gms.callback.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gms.callback.config.CallbackSettings;
import org.gms.callback.config.ServiceOptions;
import org.gms.core.config.NamedSection;
import org.junit.jupiter.api.Test;

class EventOptionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QA_PARAMS = "_service_id,_service_name,_desired_time,_customer_number,_v_queue";

    private static Optional<EventOptions> resolve(Map<String, String> service,
                                                  Map<String, Map<String, Map<String, String>>> lists) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("_type", "builtin", "_service", "callback"));
        options.putAll(service);
        NamedSection section = NamedSection.service("cb", options);
        CallbackSettings settings = new CallbackSettings(Map.of("cb", section), Map.of(), List.of(), List.of(),
                Duration.ofSeconds(60), Duration.ofSeconds(3600), false, false, "", lists, false);
        return EventOptions.of(new ServiceOptions(section, Map.of(), Map.of()), settings);
    }

    private static Map<String, Map<String, Map<String, String>>> gmsEvents(Map<String, String> properties) {
        return Map.of("GMS_Events", Map.of("properties", properties,
                "_cbe_on_callback_cancelled", Map.of("notify_params", QA_PARAMS)));
    }

    @Test
    void should_publish_nothing_when_status_notification_is_not_enabled() {
        assertThat(resolve(Map.of(), Map.of())).isEmpty();
        assertThat(resolve(Map.of("_enable_status_notification", "false"), Map.of())).isEmpty();
        assertThat(resolve(Map.of("_callback_events_list", "GMS_Events"), gmsEvents(Map.of()))).isEmpty();
    }

    @Test
    void should_take_the_target_from_the_list_properties_when_the_service_does_not_set_it() {
        EventOptions options = resolve(Map.of("_enable_status_notification", "subscribe_notify",
                "_callback_events_list", "GMS_Events"), gmsEvents(Map.of("_status_notification_type", "httpcb",
                "_status_notification_target", "http://127.0.0.1:1664/test",
                "_status_notification_provider", "\"\""))).orElseThrow();

        assertThat(options.type()).isEqualTo("httpcb");
        assertThat(options.target()).isEqualTo("http://127.0.0.1:1664/test");
        assertThat(options.provider()).isEmpty();
        assertThat(options.events()).containsOnlyKeys("_cbe_on_callback_cancelled");
        assertThat(options.events().get("_cbe_on_callback_cancelled")).containsExactly("_service_id",
                "_service_name", "_desired_time", "_customer_number", "_v_queue");
    }

    @Test
    void should_prefer_the_service_value_when_both_set_an_option() {
        EventOptions options = resolve(Map.of("_callback_events_list", "GMS_Events",
                "_status_notification_target", "http://service/"), gmsEvents(Map.of(
                "_enable_status_notification", "subscribe_notify", "_status_notification_type", "httpcb",
                "_status_notification_target", "http://list/"))).orElseThrow();

        assertThat(options.target()).isEqualTo("http://service/");
        assertThat(options.subscribesTarget()).isTrue();
    }

    @Test
    void should_publish_the_gms_events_with_the_default_params_when_no_list_is_named() {
        EventOptions options = resolve(Map.of("_enable_status_notification", "subscribe_notify"), Map.of())
                .orElseThrow();

        assertThat(options.events()).containsOnlyKeys(StateEvents.GMS_EVENTS);
        assertThat(options.events().values()).allSatisfy(params ->
                assertThat(params).isEqualTo(EventOptions.DEFAULT_PARAMS));
        assertThat(options.subscribesTarget()).isFalse();
    }

    @Test
    void should_render_the_event_the_id_the_state_then_the_params_the_record_holds() throws Exception {
        String message = EventMessage.render("_cbe_on_callback_cancelled",
                StateEventsTest.callback("COMPLETED", "CANCELLED", Instant.parse("2026-11-23T15:00:00Z")),
                List.of(QA_PARAMS.split(",")), Instant.parse("2026-11-23T15:00:00Z"));

        Map<String, String> body = JSON.readValue(message, new TypeReference<LinkedHashMap<String, String>>() { });
        assertThat(body).containsExactly(Map.entry("event", "_cbe_on_callback_cancelled"),
                Map.entry("_id", "1-abc"), Map.entry("_callback_state", "COMPLETED"),
                Map.entry("_service_id", "1-abc"), Map.entry("_service_name", "cb"),
                Map.entry("_desired_time", "2026-11-23T15:00:00.000Z"), Map.entry("_customer_number", "5115"),
                Map.entry("_v_queue", "VQ"));
    }

    @Test
    void should_leave_out_a_param_when_the_record_does_not_hold_it() {
        String message = EventMessage.render("_cbe_on_dial_init", StateEventsTest.callback("ROUTING", "",
                Instant.parse("2026-11-23T15:00:00Z")), List.of("_c_dialed_number", "_callback_reason"),
                Instant.parse("2026-11-23T15:00:00Z"));

        assertThat(message).isEqualTo("{\"event\":\"_cbe_on_dial_init\",\"_id\":\"1-abc\","
                + "\"_callback_state\":\"ROUTING\"}");
    }
}
