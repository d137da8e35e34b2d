package org.gms.server.console;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.gms.server.GmsServerExtension;
import org.gms.server.callback.Callbacks;
import org.gms.server.chat.RestChats;
import org.gms.server.security.auth.Role;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;

/**
 * Not a test: takes the screenshots of the README ({@code docs/console-*.png}) from a server with a little data.
 * Its name ends neither in Test nor in IT, so {@code mvn verify} does not run it; to take them again:
 * {@code mvn -B verify -pl gms-server -am -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=ConsoleScreenshots -Dfailsafe.failIfNoSpecifiedTests=false -Dgms.screenshots=$PWD/docs}.
 */
class ConsoleScreenshots {

    static final Path FOLDER = Path.of(System.getProperty("gms.screenshots", "target/screenshots/docs"));

    @RegisterExtension
    @Order(1)
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> {
        Callbacks.officeHours(builder, "office", "Mon-Fri 08:00-18:00", "Sat 09:00-13:00");
        Callbacks.hourlyCapacity(builder, "places", 2);
        Callbacks.service(builder, "callback-sales", "_business_hours_service", "office", "_capacity_service",
                "places", "_request_time_bucket", "60");
        Callbacks.service(builder, "callback-support");
        builder.option("chat.sales", "_chat_endpoint", "Environment:sales")
                .option("chat.support", "_chat_endpoint", "Environment:support")
                .user("ada", Role.ADMINISTRATOR, "ada-password");
    });

    @RegisterExtension
    @Order(2)
    static final Browser browser = Browser.of(() -> gms.server().localUri());

    @Test
    void take_the_screenshots_of_the_main_views() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        String[] numbers = {"+33604120405", "+14155550123", "+442071838750", "+4930901820"};
        for (int index = 0; index < numbers.length; index++) {
            Callbacks.created(gms.http(), "callback-support", Map.of("_customer_number", numbers[index],
                    "_desired_time", Callbacks.time(now.plus(26L + 3 * index, ChronoUnit.HOURS))));
        }
        // the next weekday at 10:00 and 11:00 UTC, inside the sales office hours: two places of one slot, one of another
        java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1);
        while (day.getDayOfWeek().getValue() > 5) {
            day = day.plusDays(1);
        }
        for (int hour : new int[] {10, 10, 11}) {
            Callbacks.created(gms.http(), "callback-sales", Map.of("_customer_number", "+3360000000" + hour,
                    "_desired_time", Callbacks.time(day.atTime(hour, 0).toInstant(java.time.ZoneOffset.UTC))));
        }
        RestChats waiting = new RestChats(gms.http(), "sales");
        waiting.start("Jo", "subject", "Order 1042", "text", "Hello, where is my order?");
        RestChats active = new RestChats(gms.http(), "support");
        active.start("Sam", "subject", "Password reset", "text", "I cannot log in");
        gms.http().as("ada", "ada-password").postForm("/1/agent/chats/" + active.chatId + "/accept", Map.of());
        gms.http().as("ada", "ada-password").postForm("/1/agent/chats/" + active.chatId + "/send",
                Map.of("message", "Hi Sam, I can help with that.", "messageType", "text"));

        browser.login("ada", "ada-password");
        browser.open("/home/#/callback");
        new Select(browser.await("#callback-range")).selectByValue("next7");
        browser.awaitText("#view-callback", "Callback(s) found");
        browser.screenshot(FOLDER.resolve("console-callback.png"));

        browser.open("/home/#/capacity");
        new Select(browser.await("#capacity-service")).selectByValue("callback-sales");
        browser.await("svg#capacity-chart");
        browser.screenshot(FOLDER.resolve("console-capacity.png"));

        browser.open("/home/#/chat");
        browser.awaitText("#view-chat", "Jo");
        browser.screenshot(FOLDER.resolve("console-chat.png"));

        browser.open("/home/#/agent");
        browser.awaitText("#agent-waiting", "Jo");
        browser.click("#open-" + active.chatId);
        browser.awaitText("#agent-transcript", "I can help");
        browser.screenshot(FOLDER.resolve("console-agent.png"));

        browser.open("/home/#/nodes");
        browser.await("#node-1-status");
        browser.screenshot(FOLDER.resolve("console-nodes.png"));

        browser.open("/home/#/services");
        browser.awaitText("#view-services", "callback-sales");
        browser.screenshot(FOLDER.resolve("console-services.png"));
    }
}
