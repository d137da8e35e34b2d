package org.gms.server.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cases of GMS's CallbackStateChangeNotifications: a service with {@code _enable_status_notification=
 * subscribe_notify} and {@code _callback_events_list=GMS_Events}, whose {@code [properties]} point at an HTTP
 * receiver; each event section's notify_params reach it, once.
 */
class CallbackEventsIT {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final String QA_PARAMS = "_service_id,_service_name,_desired_time,_customer_number,_v_queue";
    private static final String TARGET = "/test";
    private static final String DEFAULT_TARGET = "/default";

    // started before the server, whose options name it
    static final EventReceiver receiver = EventReceiver.start();

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> {
        builder.option("push", "pushEnabled", "comet,httpcb")
                .option("callback", "_enable_in_queue_checking", "false");
        eventService(builder, "cb_events_imm", "_callback_events_list", "GMS_Events");
        eventService(builder, "cb_events_sch", "_callback_events_list", "GMS_Events");
        eventService(builder, "cb_events_default", "_status_notification_type", "httpcb",
                "_status_notification_target", receiver.url(DEFAULT_TARGET));
        eventService(builder, "cb_events_refused", "_status_notification_type", "ios",
                "_status_notification_target", "device-token");
        builder.list("GMS_Events", Map.of(
                "properties", Map.of("_enable_status_notification", "subscribe_notify",
                        "_status_notification_provider", "\"\"", "_status_notification_type", "httpcb",
                        "_status_notification_target", receiver.url(TARGET), "_status_notification_attempts", "3"),
                "_cbe_on_service_create", Map.of("notify_params",
                        "_service_id,_service_name,_customer_number,_urs_virtual_queue"),
                "_cbe_on_callback_cancelled", Map.of("notify_params", QA_PARAMS),
                "_cbe_on_callback_queued", Map.of("notify_params", QA_PARAMS),
                "_cbe_on_callback_submitted", Map.of("notify_params", QA_PARAMS),
                "_cbe_on_callback_scheduled", Map.of("notify_params", QA_PARAMS)));
    });

    private final HttpTestClient http = gms.http();

    /** A callback service that publishes its events (and accepts many callbacks of one number a day). */
    private static void eventService(TestServers builder, String name, String... options) {
        Callbacks.service(builder, name, options)
                .option("service." + name, "_throttle_request_parameters_limit", "600")
                .option("service." + name, "_enable_status_notification", "subscribe_notify");
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void should_post_service_create_with_its_notify_params_when_a_callback_is_created() {
        String id = create("cb_events_imm", "{\"_customer_number\":\"5115\"}");

        Map<String, String> event = once(TARGET, id, "_cbe_on_service_create");
        assertThat(event).containsEntry("_id", id).containsEntry("_service_id", id)
                .containsEntry("_service_name", "cb_events_imm").containsEntry("_customer_number", "5115")
                .containsEntry("_urs_virtual_queue", "cb_events_imm").containsEntry("_callback_state", "QUEUED");
        cancel("cb_events_imm", id);
    }

    @Test
    void should_post_submitted_and_queued_when_an_immediate_callback_is_created() {
        String id = create("cb_events_imm", "{\"_customer_number\":\"5115\"}");

        for (String name : List.of("_cbe_on_callback_submitted", "_cbe_on_callback_queued")) {
            Map<String, String> event = once(TARGET, id, name);
            assertThat(event).containsOnlyKeys("event", "_id", "_callback_state", "_service_id", "_service_name",
                    "_desired_time", "_customer_number", "_v_queue");
            assertThat(event).containsEntry("_callback_state", "QUEUED").containsEntry("_v_queue", "cb_events_imm");
        }
        cancel("cb_events_imm", id);
    }

    @Test
    void should_post_cancelled_when_a_callback_is_cancelled() {
        String id = create("cb_events_imm", "{\"_customer_number\":\"5115\"}");
        cancel("cb_events_imm", id);

        Map<String, String> event = once(TARGET, id, "_cbe_on_callback_cancelled");
        assertThat(event).containsEntry("_callback_state", "COMPLETED").containsEntry("_service_id", id)
                .containsEntry("_service_name", "cb_events_imm").containsEntry("_customer_number", "5115")
                .containsKeys("_desired_time", "_v_queue");
        // the list has no section for the ORS exit event nor for status_updated: they are not published
        assertThat(receiver.events(TARGET, id)).doesNotContain("_cbe_on_service_exit",
                "_cbe_on_callback_status_updated");
    }

    @Test
    void should_post_scheduled_when_a_callback_is_scheduled_ahead() {
        String desired = Callbacks.time(Instant.now().plusSeconds(180));
        String id = create("cb_events_sch", "{\"_customer_number\":\"5115\",\"_desired_time\":\"" + desired + "\"}");

        Map<String, String> event = once(TARGET, id, "_cbe_on_callback_scheduled");
        assertThat(event).containsEntry("_callback_state", "SCHEDULED").containsEntry("_desired_time", desired);
        assertThat(receiver.events(TARGET, id)).doesNotContain("_cbe_on_callback_submitted",
                "_cbe_on_callback_queued");
        cancel("cb_events_sch", id);
        once(TARGET, id, "_cbe_on_callback_cancelled");
    }

    @Test
    void should_post_the_gms_events_with_the_default_params_when_the_service_names_no_list() {
        String id = create("cb_events_default", "{\"_customer_number\":\"5115\"}");
        cancel("cb_events_default", id);

        for (String name : List.of("_cbe_on_callback_submitted", "_cbe_on_callback_queued")) {
            assertThat(once(DEFAULT_TARGET, id, name)).containsOnlyKeys("event", "_id", "_callback_state",
                    "_service_name", "_desired_time", "_customer_number");
        }
        // _callback_reason is one of the default params, sent once the record has one
        assertThat(once(DEFAULT_TARGET, id, "_cbe_on_callback_cancelled")).containsOnlyKeys("event", "_id",
                "_callback_state", "_callback_reason", "_service_name", "_desired_time", "_customer_number")
                .containsEntry("_callback_reason", "CANCELLED");
        assertThat(receiver.events(DEFAULT_TARGET, id)).doesNotContain("_cbe_on_service_create");
    }

    @Test
    void should_push_to_an_app_when_it_subscribes_to_the_tag_of_its_callback() throws Exception {
        String id = create("cb_events_imm", "{\"_customer_number\":\"5115\"}");
        HttpResponse<String> subscribed = http.postJson("/1/notification/subscription", "{\"subscriberId\":\"app-1\","
                + "\"notificationDetails\":{\"deviceId\":\"" + receiver.url("/app") + "\",\"type\":\"httpcb\"},"
                + "\"expire\":300,\"filter\":\"ors.contact." + id + "\"}");
        assertThat(subscribed.statusCode()).isEqualTo(200);

        cancel("cb_events_imm", id);

        Map<String, String> event = once("/app", id, "_cbe_on_callback_cancelled");
        assertThat(event).containsEntry("_callback_state", "COMPLETED");
        assertThat(receiver.pushes("/app", id, "_cbe_on_callback_cancelled").get(0).tag())
                .isEqualTo("ors.contact." + id);
        once(TARGET, id, "_cbe_on_callback_cancelled");
    }

    @Test
    void should_create_and_cancel_the_callback_when_its_target_cannot_be_subscribed() {
        // ios is not an enabled push type: the subscription is refused, the callback is not
        String id = create("cb_events_refused", "{\"_customer_number\":\"5115\"}");
        cancel("cb_events_refused", id);

        assertThat(Callbacks.state(http, id)).isEqualTo("COMPLETED");
    }

    private String create(String service, String json) {
        HttpResponse<String> created = http.postJson("/1/service/callback/" + service, json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return (String) Callbacks.object(created).get("_id");
    }

    private void cancel(String service, String id) {
        HttpResponse<String> cancelled = http.delete("/1/service/callback/" + service + "/" + id);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    }

    /** The one push of an event of a callback on a path: it arrives within 30 s and no second one follows. */
    private static Map<String, String> once(String path, String id, String event) {
        await().atMost(DELIVERY).until(() -> !receiver.pushes(path, id, event).isEmpty());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> receiver.pushes(path, id, event).size() == 1);
        return receiver.pushes(path, id, event).get(0).event();
    }
}
