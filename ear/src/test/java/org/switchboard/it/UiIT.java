package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createContact;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.freeMobile;
import static org.switchboard.it.Api.unique;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web UI in a real Chromium (Debian's, with its chromedriver; nothing is downloaded): signing in per role,
 * a wrong password, the language switch, an inbound call with a lead that reaches the supervisor's table, and
 * data shown as text, never as markup. Skipped where the browser is not installed.
 */
@ExtendWith(ArquillianExtension.class)
class UiIT extends BrowserTest {


    private String operator;
    private String supervisor;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }


    @BeforeEach
    void people() {
        Browser.assumeInstalled();
        operator = unique("uiop");
        supervisor = unique("uisv");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        createUser(supervisor, List.of("SUPERVISOR"), null, null);
        // every test starts signed out, in English
        browser.signedOutInEnglish();
    }

    private void signIn(String username, String password) {
        browser.signIn(username, password);
    }

    private void signInAs(String username) {
        browser.signInAs(username);
    }

    private List<String> navigationKeys() {
        return driver.findElements(By.cssSelector("header nav a")).stream().map(a -> a.getAttribute("data-key")).toList();
    }

    private static void screenshot(String name) throws IOException {
        browser.screenshot(name);
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessageAndTheRightOneShowsTheOperatorsNavigation() throws IOException {
        screenshot("login");
        signIn(operator, "not-the-password");
        WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-message")));
        wait.until(d -> !message.getText().isBlank());
        assertThat(message.getText()).isEqualTo("Wrong username or password.");
        assertThat(driver.findElements(By.id("logout"))).isEmpty();

        signInAs(operator);
        assertThat(navigationKeys()).contains("calls.inbound", "contacts", "leads").doesNotContain("reports", "admin.users");
        assertThat(driver.findElement(By.id("who")).getText()).isEqualTo("Test " + operator);

        driver.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(driver.executeScript("return sessionStorage.length")).isEqualTo(0L);
    }

    @Test
    void theSupervisorSeesTheReportsAndNotTheOperatorsPanel() throws IOException {
        signInAs(supervisor);
        assertThat(navigationKeys()).contains("reports", "reports.anomalies").doesNotContain("calls.inbound", "admin.users");
        wait.until(ExpectedConditions.urlContains("#/"));
        assertThat(driver.findElement(By.cssSelector("header nav")).getText()).contains("Operator days");
    }

    @Test
    void theLanguageSwitchChangesTheLabelsAndIsRemembered() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(driver.findElement(By.cssSelector("label[for], #login label")).getText()).isEqualTo("Username");
        driver.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#login h1"), "Вход"));
        assertThat(driver.findElements(By.cssSelector("#login label")).stream().map(WebElement::getText).toList())
                .containsExactly("Имя пользователя", "Пароль");

        driver.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#login h1"), "Вход"));
        signInAs(supervisor);
        assertThat(driver.findElement(By.id("logout")).getText()).isEqualTo("Выйти");
        driver.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.textToBe(By.id("logout"), "Sign out"));
    }

    @Test
    void anInboundCallWithALeadShowsInTheSupervisorsOperatorDayTable() throws IOException {
        long client = createClient(unique("UI Client"));
        String campaign = unique("UI").toUpperCase();
        admin().body(Map.of("code", campaign, "name", "UI campaign " + campaign, "type", "INBOUND_AD",
                "clientId", client, "operators", List.of(operator))).post("/api/campaigns").then().statusCode(201);
        String number = freeMobile();

        signInAs(operator);
        WebElement phone = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inbound-number")));
        phone.sendKeys(number, Keys.ENTER);
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inbound-contact-name")));
        assertThat(driver.findElement(By.cssSelector("#contact h2")).getText()).isEqualTo("New caller");
        name.sendKeys("Ivan Petrov");
        new Select(driver.findElement(By.id("inbound-campaign"))).selectByValue(campaign);
        driver.findElement(By.id("inbound-notes")).sendKeys("Wants a price list");
        driver.findElement(By.id("inbound-outcome")).sendKeys("interested");
        driver.findElement(By.id("inbound-lead")).click();
        screenshot("operator-inbound");
        driver.findElement(By.id("inbound-save")).click();

        WebElement done = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inbound-done")));
        assertThat(done.getText()).startsWith("Call logged, lead #");
        assertThat(driver.findElement(By.id("contact-name")).getText()).isEqualTo("Ivan Petrov");
        assertThat(driver.findElement(By.cssSelector("#contact table tbody")).getText()).contains(campaign, "INTERESTED");

        driver.findElement(By.id("logout")).click();
        signInAs(supervisor);
        String today = LocalDate.now(ZoneId.of("Europe/Moscow")).toString();
        driver.get(Api.BASE + "/#/reports");
        WebElement operatorFilter = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-operator")));
        driver.executeScript("document.getElementById('report-from').value = arguments[0];"
                + "document.getElementById('report-to').value = arguments[0];", today);
        operatorFilter.sendKeys(operator, Keys.ENTER);
        // the reporting module counts the lead from an event; ask again until it is there
        WebElement leads = wait.until(d -> {
            List<WebElement> cells = d.findElements(By.cssSelector("#operator-days tr[data-operator='" + operator
                    + "'] td[data-column='leads']"));
            if (cells.isEmpty() || !cells.get(0).getText().equals("1")) {
                d.findElement(By.id("report-show")).click();
                return null;
            }
            return cells.get(0);
        });
        assertThat(leads.getText()).isEqualTo("1");
        // a lead without a counted call behind it (no PBX record yet) is an UNBACKED_LEADS anomaly: marked
        assertThat(driver.findElement(By.cssSelector("#operator-days tr[data-operator='" + operator + "']"))
                .getAttribute("class")).isEqualTo("anomaly");
        assertThat(driver.findElement(By.id("anomalies")).getText()).contains("UNBACKED_LEADS", operator);
        assertThat(driver.findElement(By.cssSelector("#operator-days tbody tr")).getAttribute("data-date")).isEqualTo(today);
        screenshot("supervisor-operator-days");

        driver.findElement(By.cssSelector("#operator-days td[data-column='calls'] button")).click();
        WebElement calls = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#report-calls table")));
        assertThat(calls.getText()).contains(operator, campaign);

        driver.findElement(By.cssSelector("button[data-column='operator']")).click();
        wait.until(ExpectedConditions.attributeToBe(By.xpath("//th[button[@data-column='operator']]"), "aria-sort", "ascending"));
    }

    @Test
    void aContactsNameIsShownAsTextNeverRunAsMarkup() throws IOException {
        String hostile = "<script>alert(1)</script>";
        String number = freeMobile();
        createContact(hostile, number);

        signInAs(operator);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inbound-number"))).sendKeys(number, Keys.ENTER);
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-name")));
        assertThat(name.getText()).isEqualTo(hostile);
        assertThat(driver.findElements(By.cssSelector("#contact script"))).isEmpty();
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(((JavascriptExecutor) driver).executeScript("return document.title")).asString().contains("Inbound call");
        screenshot("operator-contact-found");
    }
}
