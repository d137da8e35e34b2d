package org.gms.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.service.ServiceTestSupport.builtin;
import static org.gms.server.service.ServiceTestSupport.group;
import static org.gms.server.service.ServiceTestSupport.object;
import static org.gms.server.service.ServiceTestSupport.post;

import java.net.http.HttpResponse;
import java.util.Map;
import org.gms.server.GmsServer;
import org.gms.server.HttpTestClient;
import org.gms.server.TestServers;
import org.gms.storage.test.CassandraExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /genesys/1/service/{id}/storage}: storage bound to a service instance, gone with it. */
@ExtendWith(CassandraExtension.class)
class ServiceScopedStorageIT {

    private static GmsServer server;
    private static HttpTestClient http;

    @BeforeAll
    static void start() throws Exception {
        TestServers builder = TestServers.builder()
                .list("GMS_Resources", Map.of("DNIS", group("RANDOM", 30, "7300001")));
        builtin(builder, "request-interaction", "request-interaction");
        server = builder.start();
        http = new HttpTestClient(server);
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

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
