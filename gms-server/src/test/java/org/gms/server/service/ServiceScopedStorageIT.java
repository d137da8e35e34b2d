package org.gms.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.service.ServiceTestSupport.builtin;
import static org.gms.server.service.ServiceTestSupport.group;
import static org.gms.server.service.ServiceTestSupport.object;
import static org.gms.server.service.ServiceTestSupport.post;

import java.net.http.HttpResponse;
import java.util.Map;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /genesys/1/service/{id}/storage}: storage bound to a service instance, gone with it. */
class ServiceScopedStorageIT {

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builtin(builder
            .list("GMS_Resources", Map.of("DNIS", group("RANDOM", 30, "7300001"))),
            "request-interaction", "request-interaction"));

    private final HttpTestClient http = gms.http();

    @Test
    void should_store_read_and_delete_keys_of_an_instance_when_it_is_live() {
        String id = (String) object(post(http, "/1/service/request-interaction", null)).get("_id");

        HttpResponse<String> stored = post(http, "/1/service/" + id + "/storage", null,
                "subject", "Billing", "note", "é ü 日本");
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(object(http.get("/1/service/" + id + "/storage")))
                .containsEntry("subject", "Billing").containsEntry("note", "é ü 日本");
        HttpResponse<String> one = http.get("/1/service/" + id + "/storage/subject");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).isEqualTo("Billing");

        assertThat(http.delete("/1/service/" + id + "/storage/subject").statusCode()).isEqualTo(200);
        assertThat(http.get("/1/service/" + id + "/storage/subject").statusCode()).isEqualTo(404);
        assertThat(object(http.get("/1/service/" + id + "/storage"))).containsOnlyKeys("note");
    }

    @Test
    void should_answer_404_when_the_instance_is_unknown_or_deleted() {
        assertThat(http.get("/1/service/413-unknown/storage").statusCode()).isEqualTo(404);

        String id = (String) object(post(http, "/1/service/request-interaction", null)).get("_id");
        post(http, "/1/service/" + id + "/storage", null, "kept", "until the instance goes");
        assertThat(http.delete("/1/service/" + id).statusCode()).isEqualTo(200);

        HttpResponse<String> gone = http.get("/1/service/" + id + "/storage");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).startsWith("{\"exception\":");
    }
}
