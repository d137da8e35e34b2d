package org.gms.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.gms.server.GmsServerExtension;
import org.gms.server.callback.Callbacks;
import org.gms.server.chat.RestChats;
import org.gms.server.security.auth.Role;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Accessibility basics of every page of the console, checked in the browser: axe-core finds no WCAG 2.1 A/AA
 * violation (labels, contrast, names, landmarks), and the login works with the keyboard alone.
 */
class ConsoleAccessibilityIT {

    @RegisterExtension
    @Order(1)
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> Callbacks.service(builder, "cb_a11y")
            .option("server", "enable-sample", "true")
            .option("chat.a11y", "_chat_endpoint", "Environment:a11y")
            .user("ada", Role.ADMINISTRATOR, "ada-password"));

    @RegisterExtension
    @Order(2)
    static final Browser browser = Browser.of(() -> gms.server().localUri());

    @Test
    void should_find_no_accessibility_violation_on_the_login_page() {
        browser.open("/home/");
        browser.await("#login-form");

        assertThat(browser.accessibilityViolations()).isEmpty();
        // the check sees what it should: an input without a label is a violation
        browser.script("document.getElementById('login-form').appendChild(document.createElement('input'))");
        assertThat(browser.accessibilityViolations()).anySatisfy(violation -> assertThat(violation)
                .startsWith("label"));
    }

    @Test
    void should_find_no_accessibility_violation_in_any_view() {
        // the views with rows to show: a callback due in an hour and a waiting chat
        Callbacks.created(gms.http(), "cb_a11y", Map.of("_customer_number", "5550100",
                "_desired_time", Callbacks.time(Instant.now().plus(1, ChronoUnit.HOURS))));
        new RestChats(gms.http(), "a11y").start("Ann");
        browser.login("ada", "ada-password");
        List<String> views = browser.all("#menu a[href^='#/']").stream()
                .map(link -> link.getDomAttribute("href").substring(2)).toList();
        assertThat(views).contains("callback", "agent", "nodes");
        for (String view : views) {
            browser.open("/home/#/" + view);
            browser.await("#view-" + view + " #view-title");
            assertThat(browser.accessibilityViolations()).as("view %s", view).isEmpty();
        }
    }

    @Test
    void should_find_no_accessibility_violation_on_the_sample_page() {
        browser.open("/home/sample/index.html");
        browser.await("h1");

        assertThat(browser.accessibilityViolations()).isEmpty();
    }

    @Test
    void should_log_in_with_the_keyboard_alone() {
        browser.open("/home/");
        WebElement user = browser.await("#username");
        assertThat(browser.driver().switchTo().activeElement()).isEqualTo(user);

        user.sendKeys("ada", Keys.TAB);
        browser.driver().switchTo().activeElement().sendKeys("ada-password", Keys.ENTER);

        browser.await("#logout");
        assertThat(browser.all("#menu a")).isNotEmpty();
    }
}
