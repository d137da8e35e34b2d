package org.gms.server.security.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.security.auth.BasicAuthIT.basic;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.gms.server.HttpTestClient;
import org.gms.server.TestServers;
import org.gms.server.security.SecurityServers;
import org.gms.storage.test.CassandraExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Without a user in users.ini and without a [server] password nobody gets admin access, loopback clients included:
 * the server's own push client is a loopback client posting to URLs that remote subscribers choose.
 */
@ExtendWith(CassandraExtension.class)
class AdminWithoutUsersIT {

    private static SecurityServers running;
    private static HttpTestClient http;

    @BeforeAll
    static void start() throws Exception {
        running = SecurityServers.start(TestServers.builder().withoutAdminUser());
        http = new HttpTestClient(running.server());
    }

    @AfterAll
    static void stop() throws Exception {
        running.stop();
    }

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
    void should_accept_the_server_credentials_when_a_server_password_is_set() {
        running.holder().update(TestServers.builder().withoutAdminUser()
                .option("server", "password", "admin-secret").config());
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(http.uri("/1/admin/node/status"))
                    .header("Authorization", basic("root", "admin-secret")));
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(http.get("/1/admin/node/status").statusCode()).isEqualTo(401);
        } finally {
            running.holder().update(running.initial());
        }
    }
}
