package org.gms.server.security.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.security.auth.BasicAuthIT.basic;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Without a user in users.ini and without a [server] password nobody gets admin access, loopback clients included:
 * the server's own push client is a loopback client posting to URLs that remote subscribers choose.
 */
class AdminWithoutUsersIT {

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(TestServers::withoutAdminUser);

    private final HttpTestClient http = gms.http();

    @Test
    void should_refuse_a_loopback_client_and_say_how_to_add_a_user_when_users_ini_has_no_user() {
        HttpResponse<String> suspend = http.postForm("/1/admin/node/changestatus/OFFLINE", java.util.Map.of());
        assertThat(suspend.statusCode()).isEqualTo(403);
        assertThat(suspend.body()).isEqualTo("{\"exception\":\"com.genesyslab.platform.applicationblocks.com"
                + ".ConfigServerException\",\"message\":\"The admin API has no user: add one with scripts/gms adduser"
                + " NAME Administrator (or set a [server] password)\"}");
        assertThat(http.get("/1/node").body()).isEqualTo("ONLINE");
        assertThat(http.get("/1/admin/node/status").statusCode()).isEqualTo(403);
    }

    @Test
    void should_accept_the_server_credentials_when_a_server_password_is_set() throws Exception {
        gms.reconfigure(builder -> builder.withoutAdminUser().option("server", "password", "admin-secret"));
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(http.uri("/1/admin/node/status"))
                    .header("Authorization", basic("root", "admin-secret")));
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(http.get("/1/admin/node/status").statusCode()).isEqualTo(401);
        } finally {
            gms.restoreConfig();
        }
    }
}
