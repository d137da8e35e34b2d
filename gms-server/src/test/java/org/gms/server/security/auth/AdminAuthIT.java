package org.gms.server.security.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.security.auth.BasicAuthIT.basic;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.security.SecurityHandlers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AdminAuthIT {

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.defaultServer();

    private final HttpTestClient http = gms.http();

    /** users.ini is read again whenever it changes: users added now count from the first test on. */
    @BeforeAll
    static void addUsers() throws Exception {
        UsersFile users = new UsersFile(gms.initialConfig().configDir().resolve(SecurityHandlers.USERS_FILE));
        users.put(new AdminUser("ann", Role.ADMINISTRATOR, PasswordHashes.hash("ann-password".toCharArray())));
        users.put(new AdminUser("sue", Role.SUPERVISOR, PasswordHashes.hash("sue-password".toCharArray())));
        users.put(new AdminUser("al", Role.AGENT, PasswordHashes.hash("al-password".toCharArray())));
    }

    private HttpResponse<String> send(String method, String path, String header, String value) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (header != null) {
            request.header(header, value);
        }
        return http.send(request);
    }

    @Test
    void should_answer_401_when_no_user_of_users_ini_is_given() {
        HttpResponse<String> answer = send("GET", "/1/admin/node/status", null, null);
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).isEmpty();
        assertThat(send("GET", "/1/admin/node/status", "Authorization", basic("ann", "wrong")).statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/1/admin/node/status", "Authorization", basic("nobody", "ann-password")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void should_let_supervisors_read_but_not_change_and_keep_agents_out() {
        HttpResponse<String> read = send("GET", "/1/admin/node/status", "Authorization", basic("sue", "sue-password"));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("ONLINE");

        HttpResponse<String> change = send("POST", "/1/admin/node/changestatus/OFFLINE", "Authorization",
                basic("sue", "sue-password"));
        assertThat(change.statusCode()).isEqualTo(403);
        assertThat(change.body()).isEqualTo("{\"exception\":\"com.genesyslab.platform.applicationblocks.com"
                + ".ConfigServerException\",\"message\":\"Insufficient permissions to perform this operation\"}");
        assertThat(send("GET", "/1/node", null, null).statusCode()).isEqualTo(200);

        assertThat(send("GET", "/1/admin/node/status", "Authorization", basic("al", "al-password")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void should_open_an_http_only_session_when_an_administrator_logs_in() {
        HttpResponse<String> login = send("GET", "/1/admin/node/status", "Authorization", basic("ann", "ann-password"));
        assertThat(login.statusCode()).isEqualTo(200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(AdminSessions.COOKIE + "=").contains("HttpOnly", "Path=/genesys")
                .doesNotContain("Secure");

        String session = cookie.substring(0, cookie.indexOf(';'));
        // the cookie alone reads, but changes nothing without the session's CSRF token
        assertThat(send("GET", "/1/admin/node/status", "Cookie", session).statusCode()).isEqualTo(200);
        HttpResponse<String> forged = send("POST", "/1/admin/node/changestatus/ONLINE", "Cookie", session);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains(AdminSessions.CSRF_HEADER);
        assertThat(send("GET", "/1/admin/node/status", "Cookie", AdminSessions.COOKIE + "=forged").statusCode())
                .isEqualTo(401);
    }

    @Test
    void should_close_the_session_when_the_users_role_changes_in_users_ini() throws Exception {
        UsersFile file = new UsersFile(gms.initialConfig().configDir().resolve(SecurityHandlers.USERS_FILE));
        file.put(new AdminUser("cat", Role.ADMINISTRATOR, PasswordHashes.hash("cat-password".toCharArray())));
        HttpResponse<String> login = send("GET", "/1/admin/node/status", "Authorization", basic("cat", "cat-password"));
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        String session = cookie.substring(0, cookie.indexOf(';'));
        assertThat(send("GET", "/1/admin/node/status", "Cookie", session).statusCode()).isEqualTo(200);

        file.put(new AdminUser("cat", Role.AGENT, PasswordHashes.hash("cat-password".toCharArray())));

        assertThat(send("POST", "/1/admin/node/changestatus/ONLINE", "Cookie", session).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/1/admin/node/status", "Cookie", session).statusCode()).isEqualTo(401);
    }

    @Test
    void should_accept_a_user_added_while_running_when_users_ini_changes() throws Exception {
        Path file = gms.initialConfig().configDir().resolve(SecurityHandlers.USERS_FILE);
        new UsersFile(file).put(new AdminUser("bob", Role.ADMINISTRATOR, PasswordHashes.hash("bob-password".toCharArray())));
        assertThat(send("GET", "/1/admin/node/status", "Authorization", basic("bob", "bob-password")).statusCode())
                .isEqualTo(200);
    }
}
