package io.tierline.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven over W3C WebDriver (Selenium's client, Debian's chromium and chromedriver), with what page
 * tests need: open a page, wait for an element or a condition with a bounded poll (never a fixed sleep), submit a
 * form and wait for the next page, and save a PNG screenshot of each step under
 * {@code target/screenshots/<test>/<step>.png}. One instance per test; close it after.
 *
 * <p>Binaries: {@code TIERLINE_CHROMIUM} and {@code TIERLINE_CHROMEDRIVER} override the Debian paths.
 */
public final class Browser implements AutoCloseable {
    /** How long a page or element may take; the poll ends as soon as it is there. */
    public static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final URI base;
    private final Path screenshots;
    private final Path profile;
    private int steps;

    private Browser(ChromeDriver driver, URI base, Path screenshots, Path profile) {
        this.driver = driver;
        this.base = base;
        this.screenshots = screenshots;
        this.profile = profile;
    }

    /**
     * Starts a fresh headless Chromium (its own temporary profile: no cookies or cache carried between tests).
     *
     * @param base the site's address; {@link #open(String)} resolves paths against it
     * @param test names the screenshot folder
     */
    public static Browser start(URI base, String test) {
        Path chromium = binary("TIERLINE_CHROMIUM", CHROMIUM);
        Path chromedriver = binary("TIERLINE_CHROMEDRIVER", CHROMEDRIVER);
        try {
            Path profile = Files.createTempDirectory("tierline-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1200,1400",
                    "--user-data-dir=" + profile);
            // leave any alert open so a test can see it: an ignored alert is how an XSS would show itself
            options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(PATIENCE);
            Path screenshots = Path.of("target", "screenshots", test);
            deleteQuietly(screenshots); // a previous run's pictures (a "timed-out" one, say) would mislead
            Files.createDirectories(screenshots);
            return new Browser(driver, base, screenshots, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path binary(String variable, String debianPath) {
        Path path = Path.of(Optional.ofNullable(System.getenv(variable)).orElse(debianPath));
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(path + " is missing: the browser tests drive Debian's headless Chromium. "
                    + "Install it with `sudo apt-get install -y chromium chromium-driver` (.ci/run does this), or "
                    + "point " + variable + " at the binary.");
        }
        return path;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a path of the site (or an absolute URL), waits until it has loaded, and saves a screenshot. */
    public void open(String pathOrUrl, String step) {
        driver.get(base.resolve(pathOrUrl).toString());
        awaitLoaded();
        screenshot(step);
    }

    /** Clicks what submits a form or follows a link, waits for the next page, and saves a screenshot of it. */
    public void clickAndAwaitPage(By target, String step) {
        WebElement before = driver.findElement(By.tagName("html"));
        driver.findElement(target).click();
        until("the next page after clicking " + target, () -> {
            try {
                before.isDisplayed();
                return null;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException navigating) {
                // asked while the old document is being replaced, Chromium may answer an inspector error instead of
                // "stale": "Node with given id does not belong to the document" says the old page is gone; any
                // other such error, ask again
                String message = String.valueOf(navigating.getMessage());
                return message.contains("does not belong to the document") ? Boolean.TRUE : null;
            }
        });
        awaitLoaded();
        screenshot(step);
    }

    /** Replaces a field's text, as a user would by selecting all and typing. */
    public void type(By field, String text) {
        WebElement element = await(field);
        element.clear();
        element.sendKeys(text);
    }

    public WebElement await(By locator) {
        return until("an element " + locator, () -> {
            List<WebElement> found = driver.findElements(locator);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    public String text(By locator) {
        return await(locator).getText();
    }

    /** Polls a condition until it answers something other than null or false, or fails after {@link #PATIENCE}. */
    public <T> T until(String what, Supplier<T> condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            T value = condition.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                screenshot("timed-out");
                throw new AssertionError("timed out after " + PATIENCE.toSeconds() + " s waiting for " + what
                        + " on " + driver.getCurrentUrl());
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL.toMillis()); // the poll's interval, not a wait for time to pass
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    /** The text of an open alert, confirm or prompt dialog, if one is showing. */
    public Optional<String> openDialog() {
        try {
            return Optional.of(driver.switchTo().alert().getText());
        } catch (NoAlertPresentException e) {
            return Optional.empty();
        }
    }

    /** Saves {@code target/screenshots/<test>/<NN>-<step>.png} (numbered in the order taken) and answers its path. */
    public Path screenshot(String step) {
        Path file = screenshots.resolve(String.format("%02d-%s.png", ++steps, step));
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // a screenshot is an artifact, not the test: an open dialog, for one, refuses it
            System.err.println("no screenshot for " + file + ": " + e.getMessage());
        }
        return file;
    }

    private void awaitLoaded() {
        until("the page to load", () -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
