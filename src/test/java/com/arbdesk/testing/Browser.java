package com.arbdesk.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium session from the system packages (/usr/bin/chromium and /usr/bin/chromedriver by default,
 * both given explicitly so Selenium Manager never runs or downloads anything) with its own throwaway
 * profile; closing it quits the browser and deletes the profile.
 */
public final class Browser implements AutoCloseable {
    /** The Debian/Ubuntu package paths; -Darbdesk.chromium / -Darbdesk.chromedriver point elsewhere. */
    public static final Path CHROMIUM = Path.of(System.getProperty("arbdesk.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("arbdesk.chromedriver", "/usr/bin/chromedriver"));
    public static final Dimension DESKTOP = new Dimension(1366, 900);
    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int MAX_SHOT_HEIGHT = 6000;
    // Selenium warns on every start that it has no CDP bindings for this Chromium; these tests use none.
    private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        // Belt and braces: with the driver path set, Selenium skips Selenium Manager; if it ever ran,
        // SE_* system properties reach its environment, so it would stay offline.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        System.setProperty("SE_OFFLINE", "true");
        CDP_VERSION_LOG.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Aborts the calling test (visibly) when Chromium or chromedriver is missing, or fails it when
     * -Darbdesk.requireBrowser=true or CI=true, where a skipped browser test would hide a gap.
     */
    public static void assumeAvailable() {
        List<String> missing = new ArrayList<>();
        for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(p)) {
                missing.add(p.toString());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        boolean required = "true".equals(System.getProperty("arbdesk.requireBrowser")) || "true".equals(System.getenv("CI"));
        if (required) {
            Assertions.fail("Chromium is required in CI: apt-get install -y chromium chromium-driver (missing: "
                    + String.join(", ", missing) + ")");
        }
        String reason = "Browser tests skipped: " + String.join(", ", missing)
                + " not found (apt-get install -y chromium chromium-driver; -Darbdesk.requireBrowser=true makes this a failure)";
        System.err.println("WARNING: " + reason); // an abort's reason is otherwise only in the failsafe report
        Assumptions.abort(reason);
    }

    /** Starts headless Chromium at desktop size with a fresh profile directory. */
    public static Browser open() {
        Path profile;
        try {
            profile = Files.createTempDirectory("arbdesk-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a Chromium profile directory", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + DESKTOP.width + "," + DESKTOP.height,
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        try {
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            TestServer.deleteTree(profile);
            throw e;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Saves target/screenshots/NAME.png of the whole page at the current width: the window is grown
     * until the viewport holds the document's full height, then put back.
     */
    public static Path screenshot(WebDriver driver, String name) {
        Dimension before = driver.manage().window().getSize();
        try {
            for (int pass = 0; pass < 2; pass++) { // a second pass: losing the scrollbar can reflow the page
                long[] m = measure(driver);
                long frame = driver.manage().window().getSize().height - m[1];
                int wanted = (int) Math.min(MAX_SHOT_HEIGHT, m[0] + frame);
                if (m[0] <= m[1] || wanted <= driver.manage().window().getSize().height) {
                    break;
                }
                driver.manage().window().setSize(new Dimension(before.width, wanted));
            }
            return save(driver, name);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** The same at phone width (390×844 window, whole page), then back to the previous size. */
    public static Path phoneScreenshot(WebDriver driver, String name) {
        Dimension before = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(PHONE);
            return screenshot(driver, name);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** The document's height and the viewport's height, in CSS pixels. */
    private static long[] measure(WebDriver driver) {
        List<?> m = (List<?>) ((JavascriptExecutor) driver).executeScript("return [Math.max("
                + "document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0), window.innerHeight]");
        return new long[] {((Number) m.get(0)).longValue(), ((Number) m.get(1)).longValue()};
    }

    private static Path save(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return target.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            TestServer.deleteTree(profile);
        }
    }
}
