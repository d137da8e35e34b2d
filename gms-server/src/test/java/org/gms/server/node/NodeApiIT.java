package org.gms.server.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NodeApiIT {

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.defaultServer();

    private final HttpTestClient http = gms.http();

    @Test
    void should_answer_online_in_plain_text_when_the_node_serves() {
        HttpResponse<String> answer = http.get("/1/node");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("ONLINE");
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).isEqualToIgnoringCase("text/plain;charset=ISO-8859-1"));
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void should_answer_503_offline_when_suspended_and_200_after_resume() {
        HttpResponse<String> suspended = http.admin().postForm("/1/admin/node/changestatus/OFFLINE", java.util.Map.of());
        assertThat(suspended.statusCode()).isEqualTo(200);
        assertThat(suspended.body()).isEqualTo("OFFLINE");

        HttpResponse<String> check = http.get("/1/node");
        assertThat(check.statusCode()).isEqualTo(503);
        assertThat(check.body()).isEqualTo("OFFLINE");
        assertThat(http.admin().get("/1/admin/node/status").body()).isEqualTo("OFFLINE");

        http.admin().postForm("/1/admin/node/changestatus/ONLINE", java.util.Map.of());
        assertThat(http.get("/1/node").statusCode()).isEqualTo(200);
        assertThat(http.admin().get("/1/admin/node/status").body()).isEqualTo("ONLINE");
    }

    @Test
    void should_refuse_an_unknown_status_with_the_gms_error_body() {
        HttpResponse<String> answer = http.admin().postForm("/1/admin/node/changestatus/SLEEPING", java.util.Map.of());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo(
                "{\"exception\":\"com.genesyslab.gsg.GSGException\",\"message\":\"Unknown node status [SLEEPING]: use ONLINE or OFFLINE\"}");
    }
}
