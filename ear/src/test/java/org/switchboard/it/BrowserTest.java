package org.switchboard.it;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every browser test class shares: one Chromium for the class (none where it is not installed — the tests then
 * skip through {@link Browser#assumeInstalled()}), its driver and its wait.
 */
abstract class BrowserTest {

    static ChromeDriver driver;
    static Browser browser;
    static WebDriverWait wait;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Browser.start();
        if (browser != null) {
            driver = browser.driver();
            wait = browser.waitFor();
        }
    }

    @AfterAll
    static void quitBrowser() throws IOException {
        if (browser != null) {
            browser.close();
            browser = null;
            driver = null;
            wait = null;
        }
    }
}
