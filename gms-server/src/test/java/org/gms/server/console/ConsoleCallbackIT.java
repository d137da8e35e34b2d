package org.gms.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.gms.server.callback.Callbacks;
import org.gms.server.security.auth.Role;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The Callback and Capacity views in a real browser, as a supervisor: the list and its filters, bulk cancel with
 * its outcome and reports (real downloads), the custom range checks, Create Callback, and the capacity chart.
 */
class ConsoleCallbackIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path DOWNLOADS = Path.of("target", "downloads", "ConsoleCallbackIT");

    @RegisterExtension
    @Order(1)
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> {
        for (String name : List.of("cb_list", "cb_other", "cb_cancel", "cb_create")) {
            Callbacks.service(builder, name);
        }
        Callbacks.officeHours(builder, "bh_days", "Mon-Sun 09:00-17:00");
        Callbacks.hourlyCapacity(builder, "cap_3", 3);
        Callbacks.service(builder, "cb_cap", "_business_hours_service", "bh_days", "_capacity_service", "cap_3",
                "_request_time_bucket", "60");
        builder.user("sam", Role.SUPERVISOR, "sam-password");
    });

    @RegisterExtension
    @Order(2)
    static final Browser browser = Browser.of(() -> gms.server().localUri()).downloadingTo(DOWNLOADS);

    private final HttpTestClient http = gms.http();

    @Test
    void should_list_the_callbacks_of_the_range_and_narrow_them_by_service_and_state() {
        String first = created("cb_list", "6001", Instant.now().plus(1, ChronoUnit.HOURS));
        String second = created("cb_list", "6002", Instant.now().plus(2, ChronoUnit.HOURS));
        String cancelled = created("cb_list", "6003", Instant.now().plus(3, ChronoUnit.HOURS));
        String other = created("cb_other", "6004", Instant.now().plus(1, ChronoUnit.HOURS));
        assertThat(http.delete("/1/service/callback/cb_list/" + cancelled).statusCode()).isEqualTo(200);

        openCallbacks("next7");

        assertThat(rowIds()).contains(first, second, cancelled, other);
        assertThat(browser.text("#callback-summary")).isEqualTo(rowIds().size() + " Callback(s) found");
        assertThat(browser.all("#callback-table th")).extracting(WebElement::getText)
                .containsExactly("", "State", "Desired Callback Time", "Phone Number", "Service Name");
        assertThat(browser.find("tr[data-id='" + first + "'] input.select").orElseThrow().getDomAttribute(
                "aria-label")).contains("6001");

        advancedOptions(List.of("cb_list"), List.of(), true);
        assertThat(browser.awaitText("#callback-summary", "3 Callback(s) found").getText())
                .isEqualTo("3 Callback(s) found");
        assertThat(rowIds()).containsExactly(first, second, cancelled);
        assertThat(browser.all("#callback-table th")).extracting(WebElement::getText).contains("Service ID");
        assertThat(browser.text("tr[data-id='" + first + "'] td.service-id")).isEqualTo(first);

        advancedOptions(List.of("cb_list"), List.of("COMPLETED"), false);
        assertThat(browser.awaitText("#callback-summary", "2 Callback(s) found").getText())
                .isEqualTo("2 Callback(s) found");
        assertThat(rowIds()).containsExactly(first, second);
        assertThat(browser.all("#callback-table th")).extracting(WebElement::getText).doesNotContain("Service ID");

        advancedOptions(List.of(), List.of(), false);
        assertThat(browser.awaitText("#callback-summary", "No callbacks").getText()).isEqualTo("No callbacks found.");
        assertThat(rowIds()).isEmpty();
    }

    @Test
    void should_cancel_the_page_in_bulk_show_each_outcome_and_export_the_cancelled_ones() throws IOException {
        String first = created("cb_cancel", "7001", Instant.now().plus(1, ChronoUnit.HOURS));
        String second = created("cb_cancel", "7002", Instant.now().plus(2, ChronoUnit.HOURS));
        String done = created("cb_cancel", "7003", Instant.now().plus(3, ChronoUnit.HOURS));
        assertThat(http.delete("/1/service/callback/cb_cancel/" + done).statusCode()).isEqualTo(200);
        openCallbacks("next7");
        advancedOptions(List.of("cb_cancel"), List.of(), false);
        browser.awaitText("#callback-summary", "3 Callback(s) found");

        browser.click("#callback-cancel");
        assertThat(browser.all("#cancel-list li")).hasSize(3);
        browser.click("#cancel-confirm");

        assertThat(browser.awaitText("#cancel-result", "not cancelled").getText())
                .isEqualTo("✗ 2 callback(s) cancelled, 1 not cancelled (processing or already completed).");
        assertThat(outcome(first)).isEqualTo("Ok");
        assertThat(outcome(second)).isEqualTo("Ok");
        assertThat(outcome(done)).isEqualTo("FAILURE_MISSING");
        for (String id : List.of(first, second)) {
            Map<String, Object> record = Callbacks.record(http, id);
            assertThat(record).containsEntry("_callback_state", "COMPLETED")
                    .containsEntry("_callback_reason", "CANCELLED_BY_ADMIN");
        }
        browser.click("#cancel-close");

        browser.click("#callback-reports");
        browser.awaitText("#report-export-count", "cancelled callback(s)");
        browser.click("#report-export");
        String csv = Files.readString(downloaded("CancelledCallbacks.csv"));
        assertThat(csv.lines().findFirst()).hasValue("_service_id,_service_name,_desired_time,_customer_number,"
                + "_callback_state,_callback_reason");
        assertThat(csv).contains(first + ",cb_cancel,", second + ",cb_cancel,", ",7001,COMPLETED,CANCELLED_BY_ADMIN")
                .doesNotContain(done);
        browser.click("#report-summary");
        List<Map<String, String>> summary = JSON.readValue(Files.readString(downloaded("CancellationSummaryReport")),
                new TypeReference<>() { });
        assertThat(summary).containsExactlyInAnyOrder(Map.of("_id", first, "_ok_title", "Ok"),
                Map.of("_id", second, "_ok_title", "Ok"), Map.of("_id", done, "_ok_title", "FAILURE_MISSING"));
    }

    @Test
    void should_refuse_a_custom_range_that_ends_first_or_lasts_more_than_a_month() {
        openCallbacks("custom");

        customRange("2030-01-02T10:00", "2030-01-01T10:00");
        assertThat(browser.awaitText("#callback-range-error", "!").getText())
                .isEqualTo("Start date is not before the end date!");
        customRange("2030-01-01T00:00", "2030-02-15T00:00");
        assertThat(browser.awaitText("#callback-range-error", "month").getText())
                .isEqualTo("Maximum range is one month!");
        customRange("2030-01-01T00:00", "2030-01-20T00:00");
        browser.awaitText("#callback-summary", "No callbacks found.");
        assertThat(browser.text("#callback-range-error")).isEmpty();
    }

    @Test
    void should_create_a_callback_from_the_dialog() {
        openCallbacks("next7");
        browser.click("#callback-create");
        new Select(browser.await("#create-service")).selectByValue("cb_create");
        browser.type("#create-phone", "8005551");
        String desired = LocalDate.now().plusDays(2) + "T10:30";
        browser.script("arguments[0].value = arguments[1]", browser.await("#create-time"), desired);
        browser.click("#create-submit");

        assertThat(browser.awaitText("#create-result", "created").getText()).startsWith("Callback ");
        List<Map<String, Object>> listed = queue("cb_create");
        assertThat(listed).singleElement().satisfies(callback -> assertThat(callback)
                .containsEntry("_customer_number", "8005551").containsEntry("_callback_state", "SCHEDULED"));
        assertThat(browser.text("#create-result")).contains((String) listed.get(0).get("_id"));
        browser.awaitText("#callback-table tbody", "8005551");
    }

    @Test
    void should_draw_the_capacity_chart_of_the_service_chosen() {
        Instant tomorrowTen = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);
        created("cb_cap", "9001", tomorrowTen);
        browser.login("sam", "sam-password");
        browser.open("/home/#/capacity");
        new Select(browser.await("#capacity-service")).selectByValue("cb_cap");

        WebElement chart = browser.await("svg#capacity-chart[aria-label*='cb_cap']");
        assertThat(chart.getDomAttribute("role")).isEqualTo("img");
        assertThat(chart.getDomAttribute("aria-label")).contains("cb_cap", "1 booked of 168 places");
        assertThat(browser.all("#capacity-chart g.slot")).hasSize(7 * 24);
        assertThat(browser.all("#capacity-chart rect.capacity")).hasSize(7 * 8);
        assertThat(browser.all("#capacity-chart rect.booked")).singleElement().satisfies(bar -> assertThat(
                bar.findElement(By.xpath("..")).getDomAttribute("data-start"))
                .isEqualTo(Callbacks.time(tomorrowTen)));
        assertThat(browser.text("#capacity-legend")).contains("Capacity", "Booked", "Full", "Office hours");
    }

    // ------------------------------------------------------------------ helpers

    private void openCallbacks(String preset) {
        browser.login("sam", "sam-password");
        browser.open("/home/#/callback");
        browser.awaitText("#callback-summary", "allback");
        if (preset.equals("custom")) {
            new Select(browser.await("#callback-range")).selectByValue(preset);
        } else {
            reloaded(() -> new Select(browser.await("#callback-range")).selectByValue(preset));
        }
    }

    /** Keeps only these services, unticks these states, sets the Service ID column, and saves. */
    private void advancedOptions(List<String> services, List<String> withoutStates, boolean serviceId) {
        browser.click("#callback-advanced");
        browser.await("#advanced-services");
        for (WebElement box : browser.all("#advanced-services input")) {
            tick(box, services.contains(box.getDomAttribute("data-service")));
        }
        for (WebElement box : browser.all("#advanced-states input")) {
            tick(box, !withoutStates.contains(box.getDomAttribute("data-state")));
        }
        tick(browser.await("#advanced-service-id"), serviceId);
        reloaded(() -> browser.click("#advanced-save"));
        browser.awaitGone("#advanced-save");
    }

    /** Runs an action that reloads the list, and waits until the list is shown again. */
    private void reloaded(Runnable action) {
        browser.script("document.getElementById('callback-summary').textContent = ''");
        action.run();
        browser.awaitText("#callback-summary", "allback");
    }

    private static void tick(WebElement box, boolean wanted) {
        if (box.isSelected() != wanted) {
            box.click();
        }
    }

    private void customRange(String from, String to) {
        browser.script("arguments[0].value = arguments[2]; arguments[1].value = arguments[3]",
                browser.await("#callback-from"), browser.await("#callback-to"), from, to);
        browser.click("#callback-apply");
    }

    private List<String> rowIds() {
        return browser.all("#callback-table tbody tr").stream().map(row -> row.getDomAttribute("data-id")).toList();
    }

    private String outcome(String id) {
        return browser.await("#cancel-list li[data-id='" + id + "'] .outcome").getDomAttribute("data-outcome");
    }

    /** The file the browser saved under a name starting with {@code name}, once complete. */
    private static Path downloaded(String name) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> find(name), Optional::isPresent).orElseThrow();
    }

    private static Optional<Path> find(String name) throws IOException {
        try (Stream<Path> files = Files.list(DOWNLOADS)) {
            return files.filter(file -> file.getFileName().toString().startsWith(name))
                    .filter(file -> !file.getFileName().toString().endsWith(".crdownload")).findFirst();
        }
    }

    private String created(String service, String phone, Instant desired) {
        return Callbacks.created(http, service, Map.of("_customer_number", phone, "_desired_time",
                Callbacks.time(desired)));
    }

    private List<Map<String, Object>> queue(String service) {
        HttpResponse<String> answer = http.admin().get("/1/admin/callback/queues?target=" + service
                + "&end_time=" + Callbacks.time(Instant.now().plus(7, ChronoUnit.DAYS)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) Callbacks.object(answer).get(service);
        return listed;
    }
}
