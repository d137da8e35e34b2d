package org.gms.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.HttpCookie;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.security.auth.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console over HTTP: its files and old addresses, the sample's gate, the session API (cookie flags, CSRF token,
 * logout) and the CSRF check on every state-changing call made with the session cookie alone.
 */
class ConsoleApiIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builder
            .user("ada", Role.ADMINISTRATOR, "ada-password")
            .user("sam", Role.SUPERVISOR, "sam-password")
            .user("ali", Role.AGENT, "ali-password", "sales"));

    private final HttpTestClient http = gms.http();

    @Test
    void should_serve_the_console_page_with_a_strict_content_security_policy() {
        HttpResponse<String> page = http.get("/home/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(page.body()).contains("<title>GMS Management UI</title>", "js/app.js");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(http.get("/home/js/app.js").headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        assertThat(http.get("/home/files/en-US/locale.js").body()).contains("GMS.locale(\"en-US\"");
        assertThat(http.get("/home/files/locale.js").body()).contains("\"fr-FR\": true");
    }

    @Test
    void should_answer_not_modified_when_the_browser_has_the_file() {
        HttpResponse<String> first = http.get("/home/css/console.css");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = http.send(HttpRequest.newBuilder(http.uri("/home/css/console.css"))
                .header("If-None-Match", etag).GET());

        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void should_redirect_the_old_console_addresses_to_the_console_page() {
        for (String old : List.of("/home", "/home/login.jsp", "/home/index.jsp", "/login.jsp", "/index.jsp",
                "/admin/login.jsp", "/admin/index.jsp")) {
            HttpResponse<String> answer = http.get(old);
            assertThat(answer.statusCode()).as(old).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).as(old).hasValue("/genesys/home/");
        }
    }

    @Test
    void should_not_serve_the_sample_or_anything_outside_the_console_files() {
        assertThat(http.get("/home/sample/index.html").statusCode()).isEqualTo(404);
        assertThat(http.get("/home/sample/index.html").body()).contains("No resource at");
        assertThat(http.get("/home/missing.js").statusCode()).isEqualTo(404);
        assertThat(http.get("/home/%2e%2e/%2e%2e/org/gms/server/GmsServer.class").statusCode()).isIn(400, 404);
        assertThat(http.get("/home/.hidden.js").statusCode()).isEqualTo(404);
        assertThat(http.get("/home/js/app.class").statusCode()).isEqualTo(404);
    }

    @Test
    void should_serve_a_language_an_operator_added_to_the_files_folder() throws Exception {
        Path folder = gms.initialConfig().home().resolve("files").resolve("br-FR");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("locale.js"), "GMS.locale(\"br-FR\", {Main_Login: {title: \"Brezhoneg\"}});");
        try {
            assertThat(http.get("/home/files/br-FR/locale.js").body()).contains("Brezhoneg");
        } finally {
            Files.delete(folder.resolve("locale.js"));
            Files.delete(folder);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_open_a_session_with_a_strict_http_only_cookie_and_answer_the_user_and_its_views() throws Exception {
        HttpResponse<String> login = login("sam", "sam-password");

        assertThat(login.statusCode()).isEqualTo(200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("GMS_ADMIN_SESSION=", "HttpOnly", "SameSite=Strict", "Path=/genesys");
        Map<String, Object> session = JSON.readValue(login.body(), Map.class);
        assertThat(session).containsEntry("user", "sam").containsEntry("role", "Supervisor")
                .containsEntry("views", List.of("callback", "capacity", "chat"));
        assertThat((String) session.get("csrfToken")).hasSizeGreaterThan(30);

        HttpResponse<String> again = withCookie(cookie, "GET", "/1/admin/session", null);
        assertThat(JSON.readValue(again.body(), Map.class)).containsEntry("user", "sam")
                .containsEntry("csrfToken", session.get("csrfToken"));
    }

    @Test
    void should_refuse_a_state_changing_call_with_the_cookie_alone_and_accept_it_with_the_token() throws Exception {
        HttpResponse<String> login = login("ada", "ada-password");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        String token = (String) JSON.readValue(login.body(), Map.class).get("csrfToken");

        HttpResponse<String> forged = withCookie(cookie, "POST", "/1/admin/node/changestatus/ONLINE", null);
        HttpResponse<String> wrong = withCookie(cookie, "POST", "/1/admin/node/changestatus/ONLINE", "not-the-token");
        HttpResponse<String> right = withCookie(cookie, "POST", "/1/admin/node/changestatus/ONLINE", token);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("X-CSRF-Token");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(right.statusCode()).isEqualTo(200);
        // reading needs no token
        assertThat(withCookie(cookie, "GET", "/1/admin/node/status", null).statusCode()).isEqualTo(200);
    }

    @Test
    void should_end_the_session_at_logout() throws Exception {
        HttpResponse<String> login = login("ada", "ada-password");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        String token = (String) JSON.readValue(login.body(), Map.class).get("csrfToken");

        assertThat(withCookie(cookie, "DELETE", "/1/admin/session", null).statusCode()).isEqualTo(403);
        HttpResponse<String> logout = withCookie(cookie, "DELETE", "/1/admin/session", token);

        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.headers().firstValue("Set-Cookie")).hasValueSatisfying(cleared -> assertThat(cleared)
                .contains("Max-Age=0"));
        assertThat(withCookie(cookie, "GET", "/1/admin/session", null).statusCode()).isEqualTo(401);
    }

    @Test
    void should_answer_a_page_script_401_without_the_browser_password_dialog() {
        HttpResponse<String> script = http.send(HttpRequest.newBuilder(http.uri("/1/admin/session"))
                .header("X-Requested-With", "XMLHttpRequest").GET());
        HttpResponse<String> tool = http.get("/1/admin/session");
        HttpResponse<String> wrong = login("ada", "not-her-password");

        assertThat(script.statusCode()).isEqualTo(401);
        assertThat(script.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(tool.statusCode()).isEqualTo(401);
        assertThat(tool.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void should_refuse_an_agent_the_admin_api_with_403_even_in_its_session() throws Exception {
        HttpResponse<String> login = login("ali", "ali-password");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();

        assertThat(JSON.readValue(login.body(), Map.class)).containsEntry("views", List.of("agent"))
                .containsEntry("queues", List.of("sales"));
        assertThat(withCookie(cookie, "GET", "/1/admin/callback/queues", null).statusCode()).isEqualTo(403);
        assertThat(withCookie(cookie, "GET", "/1/agent/chats", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> login(String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
        return http.send(HttpRequest.newBuilder(http.uri("/1/admin/session"))
                .header("Authorization", "Basic " + basic).header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> withCookie(String setCookie, String method, String path, String csrf) {
        HttpCookie cookie = HttpCookie.parse(setCookie).get(0);
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path))
                .header("Cookie", cookie.getName() + "=" + cookie.getValue())
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return http.send(request);
    }
}
