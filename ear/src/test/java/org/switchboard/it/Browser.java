package org.switchboard.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for the browser tests, set up as TOOLCHAIN.md says (nothing downloaded, a fresh
 * profile), at 1366×768, with the steps every browser test shares: sign in, start signed out in English, screenshot.
 */
final class Browser implements AutoCloseable {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path profile;

    private Browser(ChromeDriver driver, WebDriverWait wait, Path profile) {
        this.driver = driver;
        this.wait = wait;
        this.profile = profile;
    }

    static boolean installed() {
        return CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
    }

    /** Skips the test, saying why, where Chromium is not installed (the README test command still passes). */
    static void assumeInstalled() {
        Assumptions.assumeTrue(installed(), "Browser test skipped: " + CHROMIUM + " or " + CHROMEDRIVER
                + " is missing (apt-get install chromium chromium-driver)");
    }

    /** A started browser, or null where none is installed (each test then skips with the reason). */
    static Browser start() throws IOException {
        if (!installed()) {
            return null;
        }
        Path profile = Files.createTempDirectory("switchboard-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=en-US", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1366, 768));
        Files.createDirectories(SCREENSHOTS);
        return new Browser(driver, new WebDriverWait(driver, Duration.ofSeconds(15)), profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    WebDriverWait waitFor() {
        return wait;
    }

    /** The app, signed out, in English. */
    void signedOutInEnglish() {
        driver.get(Api.BASE + "/");
        // the session cookie is HttpOnly (the page cannot drop it) and has Path=/api (WebDriver's deleteAllCookies
        // would not see it from "/"): the browser's whole cookie jar is cleared
        driver.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
        driver.executeScript("sessionStorage.clear(); localStorage.setItem('switchboard.lang', 'en');");
        driver.get(Api.BASE + "/");
    }

    /** Types the credentials into the login form and presses Enter. */
    void signIn(String username, String password) {
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        name.clear();
        name.sendKeys(username);
        WebElement secret = driver.findElement(By.id("password"));
        secret.clear();
        secret.sendKeys(password, Keys.ENTER);
    }

    /** Signs in with the test password (username + "-pw") and waits until the app is shown. */
    void signInAs(String username) {
        signIn(username, username + "-pw");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
    }

    /**
     * Script errors the page raised since the last call (uncaught exceptions and rejected promises), and anything
     * the Content-Security-Policy refused.
     */
    List<String> scriptErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Uncaught") || m.contains("TypeError") || m.contains("ReferenceError")
                        || m.contains("SyntaxError") || m.contains("Content Security Policy"))
                .toList();
    }

    /** Content-Security-Policy violations the page reported since the last read of the log. */
    List<String> cspViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
    }

    void screenshot(String name) throws IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
