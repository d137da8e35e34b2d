package org.gms.server.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.callback.Callbacks.awaitState;
import static org.gms.server.callback.Callbacks.created;
import static org.gms.server.callback.Callbacks.record;
import static org.gms.server.callback.Callbacks.service;

import java.time.Duration;
import java.util.Map;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pause switchboard of Genesys' QA suite (SuspendingCallback): the GMS_Paused_Services list, edited live. */
class CallbackPauseIT {

    private static final Duration SWEEP = Duration.ofSeconds(15);

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> services(builder, Map.of()));

    private final HttpTestClient http = gms.http();

    private static TestServers services(TestServers builder, Map<String, String> paused) {
        builder.option("callback", "queue-polling-rate", "1");
        service(builder, "pausable");
        service(builder, "by-id", "_paused_services_id", "anytext");
        service(builder, "other");
        return builder.list("GMS_Paused_Services", Map.of("services", paused));
    }

    @AfterEach
    void resume() {
        gms.restoreConfig();
    }

    @Test
    void should_pause_and_resume_queued_callbacks_when_the_list_says_so() throws Exception {
        String id = created(http, "pausable", Map.of("_customer_number", "5115"));
        String untouched = created(http, "other", Map.of("_customer_number", "5116"));
        awaitState(http, id, "QUEUED", SWEEP);

        gms.reconfigure(builder -> services(builder, Map.of("pausable", "true", "other", "false")));
        awaitState(http, id, "PAUSED", SWEEP);
        assertThat(record(http, untouched)).containsEntry("_callback_state", "QUEUED");

        gms.reconfigure(builder -> services(builder, Map.of("pausable", "false")));
        awaitState(http, id, "QUEUED", SWEEP);
        assertThat(http.delete("/1/service/callback/pausable/" + id).statusCode()).isEqualTo(200);
        assertThat(record(http, id)).containsEntry("_callback_state", "COMPLETED");
    }

    @Test
    void should_pause_a_service_by_its_paused_services_id_or_all_of_them() throws Exception {
        String byId = created(http, "by-id", Map.of("_customer_number", "5117"));
        String other = created(http, "other", Map.of("_customer_number", "5118"));

        gms.reconfigure(builder -> services(builder, Map.of("anytext", "true")));
        awaitState(http, byId, "PAUSED", SWEEP);
        assertThat(record(http, other)).containsEntry("_callback_state", "QUEUED");

        gms.reconfigure(builder -> services(builder, Map.of("all", "true")));
        awaitState(http, other, "PAUSED", SWEEP);
        String created = created(http, "other", Map.of("_customer_number", "5119"));
        assertThat(record(http, created)).containsEntry("_callback_state", "PAUSED");

        gms.reconfigure(builder -> services(builder, Map.of()));
        awaitState(http, other, "QUEUED", SWEEP);
        awaitState(http, byId, "QUEUED", SWEEP);
    }
}
