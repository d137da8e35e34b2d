package org.gms.callback.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.gms.storage.callback.StoredCallback;
import org.junit.jupiter.api.Test;

class StateEventsTest {

    private static final Instant DESIRED = Instant.parse("2026-11-23T15:00:00Z");

    static StoredCallback callback(String state, String reason, Instant desired) {
        return new StoredCallback("1-abc", "cb", state, reason, desired, "VQ", "", 0, null, -1,
                Map.of("_customer_number", "5115"), DESIRED, DESIRED, DESIRED.plusSeconds(86_400), 1);
    }

    private static StoredCallback callback(String state, String reason) {
        return callback(state, reason, DESIRED);
    }

    @Test
    void should_fire_create_and_scheduled_when_a_scheduled_callback_is_created() {
        assertThat(StateEvents.of(Optional.empty(), callback("SCHEDULED", "")))
                .containsExactly(StateEvents.SERVICE_CREATE, StateEvents.SCHEDULED);
    }

    @Test
    void should_fire_create_submitted_and_queued_when_an_immediate_callback_is_created() {
        assertThat(StateEvents.of(Optional.empty(), callback("QUEUED", "")))
                .containsExactly(StateEvents.SERVICE_CREATE, StateEvents.SUBMITTED, StateEvents.QUEUED,
                        StateEvents.CUSTOMER_QUEUED);
        assertThat(StateEvents.of(Optional.empty(), callback("PAUSED", "")))
                .containsExactly(StateEvents.SERVICE_CREATE, StateEvents.SUBMITTED);
    }

    @Test
    void should_fire_submitted_and_queued_when_a_scheduled_callback_is_submitted() {
        assertThat(StateEvents.of(Optional.of(callback("SCHEDULED", "")), callback("QUEUED", "")))
                .containsExactly(StateEvents.SUBMITTED, StateEvents.QUEUED, StateEvents.CUSTOMER_QUEUED);
        assertThat(StateEvents.of(Optional.of(callback("SCHEDULED", "")), callback("PAUSED", "")))
                .containsExactly(StateEvents.SUBMITTED);
    }

    @Test
    void should_fire_queued_only_when_a_paused_callback_resumes() {
        assertThat(StateEvents.of(Optional.of(callback("PAUSED", "")), callback("QUEUED", "")))
                .containsExactly(StateEvents.QUEUED, StateEvents.CUSTOMER_QUEUED);
    }

    @Test
    void should_fire_cancelled_and_service_exit_when_a_callback_is_cancelled() {
        assertThat(StateEvents.of(Optional.of(callback("QUEUED", "")), callback("COMPLETED", "CANCELLED")))
                .containsExactly(StateEvents.SERVICE_EXIT, StateEvents.CANCELLED);
        assertThat(StateEvents.of(Optional.of(callback("SCHEDULED", "")),
                callback("COMPLETED", "CANCELLED_BY_ADMIN")))
                .containsExactly(StateEvents.SERVICE_EXIT, StateEvents.CANCELLED);
    }

    @Test
    void should_fire_submit_failed_when_the_submission_fails() {
        assertThat(StateEvents.of(Optional.of(callback("SCHEDULED", "")), callback("COMPLETED", "SUBMIT_FAILED")))
                .containsExactly(StateEvents.SERVICE_EXIT, StateEvents.SUBMIT_FAILED);
    }

    @Test
    void should_fire_status_updated_when_no_other_gms_event_names_the_state_change() {
        assertThat(StateEvents.of(Optional.of(callback("QUEUED", "")), callback("ROUTING", "")))
                .containsExactly(StateEvents.ROUTE_TO_AGENT, StateEvents.DIAL_INIT, StateEvents.STATUS_UPDATED);
        assertThat(StateEvents.of(Optional.of(callback("ROUTING", "")), callback("PROCESSING", "")))
                .containsExactly(StateEvents.DIAL_DONE, StateEvents.STATUS_UPDATED);
        assertThat(StateEvents.of(Optional.of(callback("PROCESSING", "")), callback("COMPLETED", "AGENT_CONNECTED")))
                .containsExactly(StateEvents.SERVICE_EXIT, StateEvents.STATUS_UPDATED);
        assertThat(StateEvents.of(Optional.of(callback("QUEUED", "")), callback("PAUSED", "")))
                .containsExactly(StateEvents.STATUS_UPDATED);
    }

    @Test
    void should_fire_rescheduled_when_the_desired_time_changes() {
        Instant later = DESIRED.plusSeconds(3600);
        assertThat(StateEvents.of(Optional.of(callback("SCHEDULED", "")), callback("SCHEDULED", "", later)))
                .containsExactly(StateEvents.RESCHEDULED);
        assertThat(StateEvents.of(Optional.of(callback("QUEUED", "")), callback("SCHEDULED", "", later)))
                .containsExactly(StateEvents.RESCHEDULED);
    }

    @Test
    void should_fire_nothing_when_only_the_data_changes() {
        assertThat(StateEvents.of(Optional.of(callback("QUEUED", "")), callback("QUEUED", ""))).isEmpty();
    }
}
