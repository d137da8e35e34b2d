package org.gms.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.gms.server.chat.NodeClients;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for the console's browser tests, one per test class:
 * {@code @RegisterExtension final Browser browser = Browser.of(gms::server)} after the server's extension. It uses
 * Debian's {@code chromium} and {@code chromium-driver} ({@code .ci/run} installs them); when they are missing the
 * tests fail, they do not skip. A failing test leaves a screenshot and the page's HTML in
 * {@code target/screenshots/}. Each test starts on a fresh page with no cookie and no stored language.
 */
public final class Browser implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    static final Path CHROMIUM = Path.of(System.getProperty("gms.test.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("gms.test.chromedriver", "/usr/bin/chromedriver"));
    static final Duration WAIT = Duration.ofSeconds(15);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Supplier<URI> base;
    private Path downloads;
    private WebDriver driver;

    private Browser(Supplier<URI> base) {
        this.base = base;
    }

    /** A browser for the server whose {@code /genesys} base URL {@code base} gives (read once the server runs). */
    public static Browser of(Supplier<URI> base) {
        return new Browser(base);
    }

    /** Saves the files the pages download in {@code directory}, without asking (emptied when it starts). */
    public Browser downloadingTo(Path directory) {
        this.downloads = directory.toAbsolutePath();
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        assertThat(CHROMIUM).as("Chromium (Debian package chromium) for the console's browser tests").exists();
        assertThat(DRIVER).as("ChromeDriver (Debian package chromium-driver) for the console's browser tests")
                .exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,900", "--lang=en-US", "--no-first-run", "--disable-extensions");
        Map<String, Object> prefs = new HashMap<>(Map.of("intl.accept_languages", "en-US,en"));
        if (downloads != null) {
            prefs.put("download.default_directory", downloads.toString());
            prefs.put("download.prompt_for_download", false);
        }
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withLogFile(SCREENSHOTS.resolve("chromedriver.log").toFile()).build();
        try {
            Files.createDirectories(SCREENSHOTS);
            if (downloads != null) {
                Files.createDirectories(downloads);
                try (Stream<Path> old = Files.list(downloads)) {
                    for (Path file : old.toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (context.getExecutionException().isPresent() && driver != null) {
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod()
                    .getName();
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
        }
        if (driver != null) {
            // the next test starts logged out, in the browser's language
            driver.manage().deleteAllCookies();
            if (driver.getCurrentUrl().startsWith("http")) {
                ((JavascriptExecutor) driver).executeScript("window.localStorage.clear()");
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path under {@code /genesys}, e.g. {@code /home/}. */
    public Browser open(String path) {
        driver.get(base.get() + path);
        return this;
    }

    /** Opens the console and logs in; waits for the menu. */
    public Browser login(String user, String password) {
        open("/home/");
        type("#username", user);
        type("#password", password);
        click("#login-button");
        await("#logout");
        return this;
    }

    public WebElement await(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until the element's text contains {@code text}. */
    public WebElement awaitText(String css, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css),
                text));
        return driver.findElement(By.cssSelector(css));
    }

    public void awaitGone(String css) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
    }

    public Browser type(String css, String text) {
        WebElement element = await(css);
        element.clear();
        element.sendKeys(text);
        return this;
    }

    /**
     * Clicks the element once it is clickable. The views re-render their lists when events arrive, so an element
     * found a moment ago may have been replaced by its new copy: the click is then tried again on that copy.
     */
    public Browser click(String css) {
        new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ignored -> {
                    WebElement element = ExpectedConditions.elementToBeClickable(By.cssSelector(css)).apply(driver);
                    if (element == null) {
                        return false;
                    }
                    element.click();
                    return true;
                });
        return this;
    }

    public String text(String css) {
        return await(css).getText();
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public Optional<WebElement> find(String css) {
        return all(css).stream().findFirst();
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /**
     * The accessibility violations axe-core (the npm package, installed with the other public clients) finds in the
     * current page for WCAG 2.x A and AA, as {@code rule: target…} lines; empty when there is none.
     */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityViolations() {
        try {
            String axe = Files.readString(NodeClients.installed().resolve("node_modules/axe-core/axe.min.js"));
            script(axe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<Map<String, Object>> violations = (List<Map<String, Object>>) ((JavascriptExecutor) driver)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a',"
                        + " 'wcag21aa']}}).then(result => done(result.violations.map(v => ({id: v.id,"
                        + " help: v.help, targets: v.nodes.map(n => n.target.join(' '))}))),"
                        + " error => done([{id: 'axe-error', help: String(error), targets: []}]));");
        return violations.stream().map(violation -> violation.get("id") + " (" + violation.get("help") + "): "
                + violation.get("targets")).toList();
    }

    /** Saves a screenshot of the current page as {@code path} (for the documentation). */
    public void screenshot(Path path) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
