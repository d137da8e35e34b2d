package org.gms.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gms.server.GmsServerExtension;
import org.gms.server.security.auth.Role;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/** Logging in to the console in a real browser: the menus each role sees, wrong passwords, logout, languages. */
class ConsoleLoginIT {

    @RegisterExtension
    @Order(1)
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builder
            .user("ada", Role.ADMINISTRATOR, "ada-password")
            .user("sam", Role.SUPERVISOR, "sam-password")
            .user("ali", Role.AGENT, "ali-password"));

    @RegisterExtension
    @Order(2)
    static final Browser browser = Browser.of(() -> gms.server().localUri());

    @Test
    void should_show_each_role_only_the_views_it_may_open() {
        assertThat(menu("ada", "ada-password")).containsExactly("menu-callback", "menu-capacity", "menu-chat",
                "menu-agent", "menu-nodes", "menu-services");
        assertThat(menu("sam", "sam-password")).containsExactly("menu-callback", "menu-capacity", "menu-chat");
        assertThat(menu("ali", "ali-password")).containsExactly("menu-agent");
    }

    @Test
    void should_send_a_user_to_its_first_view_when_it_asks_for_one_its_role_may_not_open() {
        browser.login("ali", "ali-password");
        browser.open("/home/#/nodes");

        browser.await("#menu-agent");
        assertThat(browser.driver().getCurrentUrl()).endsWith("#/agent");
        assertThat(browser.all("#menu-nodes")).isEmpty();
    }

    @Test
    void should_say_the_login_is_incorrect_and_keep_the_user_out() {
        browser.open("/home/");
        browser.type("#username", "ada").type("#password", "wrong").click("#login-button");

        assertThat(browser.awaitText("#login-error", "Incorrect").getText())
                .isEqualTo("Incorrect user name and/or password.");
        assertThat(browser.all("#logout")).isEmpty();
        assertThat(browser.driver().manage().getCookieNamed("GMS_ADMIN_SESSION")).isNull();
    }

    @Test
    void should_end_the_session_at_logout_and_stay_out_after_a_reload() {
        browser.login("sam", "sam-password");
        browser.click("#logout");
        browser.await("#login-form");

        browser.open("/home/#/callback");

        browser.await("#login-form");
        assertThat(browser.all("#logout")).isEmpty();
    }

    @Test
    void should_keep_the_session_across_a_reload() {
        browser.login("sam", "sam-password");
        browser.driver().navigate().refresh();

        assertThat(browser.awaitText("#who-user", "sam").getText()).contains("sam", "Supervisor");
    }

    @Test
    void should_render_the_login_page_and_the_menu_in_the_language_chosen() {
        browser.open("/home/");
        browser.await("#language");
        new org.openqa.selenium.support.ui.Select(browser.await("#language")).selectByValue("fr-FR");

        assertThat(browser.awaitText("#login-button", "Connexion").getText()).isEqualTo("Connexion");
        assertThat(browser.text("label[for=password]")).isEqualTo("Mot de passe");
        browser.type("#username", "sam").type("#password", "sam-password").click("#login-button");
        assertThat(browser.awaitText("#menu-callback", "Rappels").getText()).isEqualTo("Rappels");
        assertThat(browser.text("#logout")).isEqualTo("Déconnexion");
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("fr");
    }

    private List<String> menu(String user, String password) {
        browser.login(user, password);
        List<String> ids = browser.all("#menu a").stream().map(link -> link.getDomAttribute("id")).toList();
        browser.click("#logout");
        browser.await("#login-form");
        return ids;
    }
}
