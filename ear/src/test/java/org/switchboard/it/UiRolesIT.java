package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.unique;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every role in a real Chromium at 1366×768: it signs in, gets its navigation (and not another role's), every screen
 * in it opens — built, without a script error, without a horizontal scroll bar, every field labelled and every button
 * named, in English and in Russian — and it
 * signs out. The login and the navigation work with the keyboard alone (the idle timeout is UiAdminIT's).
 * One screenshot per role and screen lands in target/screenshots/roles-*.png. Skipped without the browser.
 */
@ExtendWith(ArquillianExtension.class)
class UiRolesIT extends BrowserTest {

    /** What each role must see, and paths it must not. */
    private static final Map<String, List<String>> MUST = Map.of(
            "OPERATOR", List.of("/calls/inbound", "/calls/next", "/callbacks", "/meetings", "/calls", "/contacts", "/leads"),
            "SUPERVISOR", List.of("/callbacks", "/meetings", "/calls", "/campaigns", "/contacts", "/leads", "/surveys",
                    "/aftersales", "/reports", "/reports/anomalies", "/reports/plans", "/qa", "/integrity"),
            "MARKETER", List.of("/campaigns", "/contacts", "/surveys", "/aftersales"),
            "CLIENT", List.of("/calls", "/campaigns", "/leads", "/reports", "/reports/anomalies", "/qa", "/integrity"),
            "ADMIN", List.of("/admin/users", "/admin/clients", "/admin/settings", "/admin/audit", "/integrity"));
    private static final Map<String, List<String>> MUST_NOT = Map.of(
            "OPERATOR", List.of("/reports/plans", "/qa", "/surveys", "/admin/users", "/campaigns", "/integrity"),
            "SUPERVISOR", List.of("/admin/users", "/calls/next"),
            "MARKETER", List.of("/reports", "/qa", "/calls/next", "/admin/users", "/integrity"),
            "CLIENT", List.of("/contacts", "/surveys", "/aftersales", "/reports/plans", "/admin/users", "/calls/next"),
            "ADMIN", List.of("/calls/next", "/reports"));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @BeforeEach
    void signedOut() {
        Browser.assumeInstalled();
        browser.signedOutInEnglish();
    }

    private String userWith(String role) {
        String username = unique("roles" + role.toLowerCase().substring(0, 3));
        createUser(username, List.of(role), role.equals("OPERATOR") ? freeExtension() : null,
                role.equals("CLIENT") ? createClient(unique("UI roles client")) : null);
        return username;
    }

    private List<String> navigationPaths() {
        return driver.findElements(By.cssSelector("header nav a")).stream()
                .map(a -> a.getAttribute("href").replaceFirst("^.*#", "")).toList();
    }

    /** Opens one screen by its link and notes what is wrong: not built, wider than 1366 px, a script error. */
    private void checkScreen(String role, String path, String language, List<String> failures) throws IOException {
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("header nav a[href='#" + path + "']")));
        String label = link.getText();
        link.click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), label));
        // the screen's first requests have answered once nothing says it is loading
        wait.until(d -> driver.findElements(By.xpath("//main//*[normalize-space(text())='Loading…'"
                + " or normalize-space(text())='Загрузка…']")).isEmpty());
        String where = role + " " + path + " (" + language + ")";
        if (!driver.findElements(By.cssSelector("main .placeholder")).isEmpty()) {
            failures.add(where + " is not built");
        }
        Long overflow = (Long) driver.executeScript(
                "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth;");
        if (overflow > 0) {
            failures.add(where + " is " + overflow + " px wider than the 1366 px window");
        }
        browser.scriptErrors().forEach(e -> failures.add(where + " script error: " + e));
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) driver.executeScript(
                "return [...document.querySelectorAll('main input:not([type=hidden]), main select, main textarea')]"
                        + ".filter(e => e.getClientRects().length > 0)"
                        + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')"
                        + " && !e.getAttribute('aria-labelledby'))"
                        + ".map(e => e.id || e.name || e.outerHTML.slice(0, 80))");
        unlabelled.forEach(e -> failures.add(where + " has a field without a label: " + e));
        @SuppressWarnings("unchecked")
        List<String> nameless = (List<String>) driver.executeScript(
                "return [...document.querySelectorAll('main button, main a[href]')]"
                        + ".filter(e => e.getClientRects().length > 0)"
                        + ".filter(e => !e.textContent.trim() && !e.getAttribute('aria-label') && !e.title)"
                        + ".map(e => e.id || e.outerHTML.slice(0, 80))");
        nameless.forEach(e -> failures.add(where + " has a button or link without a name: " + e));
        if (!"page".equals(driver.findElement(By.cssSelector("header nav a[href='#" + path + "']")).getAttribute("aria-current"))) {
            failures.add(where + " is not marked as the current page in the menu");
        }
        if (language.equals("ru")) {
            String untranslated = (String) driver.executeScript(
                    "return [...document.querySelectorAll('main h1, main h2, main h3, main label > span, main th, main button')]"
                            + ".map(e => e.textContent.trim()).find(t => /^[a-z]+(\\.[a-zA-Z]+)+$/.test(t)) || ''");
            if (!untranslated.isEmpty()) {
                failures.add(where + " shows the bare key '" + untranslated + "'");
            }
        }
        browser.screenshot("roles-" + language + "-" + role.toLowerCase() + path.replace('/', '-'));
    }

    @Test
    void everyRoleSeesItsOwnNavigationAndEveryScreenInItOpensInEnglishAndRussian() throws IOException {
        List<String> failures = new ArrayList<>();
        for (String role : List.of("OPERATOR", "SUPERVISOR", "MARKETER", "CLIENT", "ADMIN")) {
            browser.signedOutInEnglish();
            browser.signInAs(userWith(role));
            List<String> paths = navigationPaths();
            assertThat(paths).as(role).containsAll(MUST.get(role)).doesNotContainAnyElementsOf(MUST_NOT.get(role));
            for (String path : paths) {
                checkScreen(role, path, "en", failures);
            }
            // the same screens in Russian: the switch re-renders the current one, the others open from the menu
            driver.findElement(By.id("lang")).click();
            wait.until(ExpectedConditions.textToBe(By.id("logout"), "Выйти"));
            for (String path : paths) {
                checkScreen(role, path, "ru", failures);
            }
            driver.findElement(By.id("lang")).click();
            driver.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theLoginFormAndTheNavigationWorkWithTheKeyboardAlone() {
        String supervisor = userWith("SUPERVISOR");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        // the username field has the focus on arrival; its label names it
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("username");
        new Actions(driver).sendKeys(supervisor).sendKeys(Keys.TAB).sendKeys(supervisor + "-pw").sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
        // Tab from the top of the page reaches the skip link first, then the menu; Enter on a menu link opens it
        assertThat((String) driver.executeScript("return document.querySelector("
                + "'a[href], button, input, select, textarea, [tabindex]:not([tabindex=\"-1\"])').className"))
                .as("the first thing Tab reaches").contains("skip");
        driver.executeScript("document.querySelector('a.skip').focus();");
        WebElement target = null;
        for (int i = 0; i < 20 && target == null; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement focused = driver.switchTo().activeElement();
            if ("#/reports/plans".equals(focused.getAttribute("href") == null ? null
                    : focused.getAttribute("href").replaceFirst("^.*#", "#"))) {
                target = focused;
            }
        }
        assertThat(target).as("the Plans link is reachable with Tab").isNotNull();
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.urlContains("#/reports/plans"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Plans"));
        // the skip link moves the focus to the content
        driver.findElement(By.cssSelector("a.skip")).sendKeys(Keys.ENTER);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
    }
}
