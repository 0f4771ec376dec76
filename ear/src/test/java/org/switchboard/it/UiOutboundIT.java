package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.unique;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The operator's outbound screens in a real Chromium (skipped where it is not installed, like {@link UiIT}): the
 * next call of an assigned campaign with its contact and script, a callback planned in the contact's local time,
 * and that callback under "Callbacks"; the contact search and card. The server's clock is moved into calling hours
 * and reset afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class UiOutboundIT extends BrowserTest {

    private static final Random RANDOM = new Random();


    private String operator;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }


    @BeforeEach
    void operatorSignedOut() {
        Browser.assumeInstalled();
        operator = unique("uiob");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        browser.signedOutInEnglish();
    }

    @AfterEach
    void realTime() {
        if (Browser.installed()) {
            admin().body(Map.of()).put("/api/system/clock").then().statusCode(200);
        }
    }

    private static void clock(String offsetDateTime) {
        admin().body(Map.of("now", offsetDateTime)).put("/api/system/clock").then().statusCode(200);
    }

    private void signInAs(String username) {
        browser.signInAs(username);
    }

    private static void screenshot(String name) throws IOException {
        browser.screenshot(name);
    }

    /** An OUTBOUND campaign with the operator on it, a script, and one Moscow contact on its list; answers its id. */
    private long campaignWithOneContact(String contactName, String number) {
        long client = createClient(unique("UI Out Client"));
        String code = unique("UIOUT").toUpperCase();
        long campaign = admin().body(Map.of("code", code, "name", "Outbound " + code, "type", "OUTBOUND",
                "clientId", client, "operators", List.of(operator))).post("/api/campaigns").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Map<String, Object> rules = new HashMap<>(admin().get("/api/campaigns/" + campaign + "/outbound").then()
                .statusCode(200).extract().jsonPath().getMap("$"));
        rules.put("script", "Good afternoon! This is Switchboard calling about your order.");
        admin().body(rules).put("/api/campaigns/" + campaign + "/outbound").then().statusCode(200);
        long contact = admin().body(Map.of("fullName", contactName, "phones", List.of(Map.of("number", number))))
                .post("/api/contacts").then().statusCode(201).extract().jsonPath().getLong("id");
        admin().body(Map.of("contactIds", List.of(contact))).post("/api/campaigns/" + campaign + "/list").then()
                .statusCode(200);
        return campaign;
    }

    @Test
    void theOperatorGetsTheNextCallPlansACallbackAndSeesItUnderCallbacks() throws IOException {
        String number = "+7495" + (1_000_000 + RANDOM.nextInt(8_999_999));
        long campaign = campaignWithOneContact("Anna Smirnova", number);
        clock("2026-12-01T12:00:00+03:00");

        signInAs(operator);
        driver.get(Api.BASE + "/#/calls/next");
        WebElement choice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("next-campaign")));
        new Select(choice).selectByValue(String.valueOf(campaign));
        driver.findElement(By.id("next-call")).click();

        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("next-name")));
        assertThat(name.getText()).isEqualTo("Anna Smirnova");
        // shown as libphonenumber writes it for people, the stored number kept in data-phone
        wait.until(ExpectedConditions.textToBe(By.id("next-number"), moscow(number)));
        assertThat(driver.findElement(By.cssSelector("#next-number .phone")).getAttribute("data-phone")).isEqualTo(number);
        assertThat(driver.findElement(By.id("next-script")).getText())
                .isEqualTo("Good afternoon! This is Switchboard calling about your order.");
        assertThat(driver.findElement(By.id("next-local-time")).getText()).startsWith("2026-12-01 12:00").contains("Europe/Moscow");
        assertThat(driver.findElement(By.id("next-attempts")).getText()).isEqualTo("0");
        assertThat(driver.findElements(By.cssSelector("#next-outcome button[data-outcome]")).stream()
                .map(b -> b.getAttribute("data-outcome")).toList())
                .containsExactly("NO_ANSWER", "BUSY", "WRONG_NUMBER", "NOT_INTERESTED", "INTERESTED", "MEETING",
                        "SEND_INFO", "DNC_REQUEST", "COMPLETED", "CALLBACK");
        screenshot("operator-next-call");

        driver.findElement(By.id("outcome-note")).sendKeys("Call back after lunch");
        driver.executeScript("document.getElementById('outcome-callback-at').value = '2026-12-01T15:30';");
        driver.findElement(By.id("outcome-callback")).click();
        WebElement done = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("next-done")));
        assertThat(done.getText()).isEqualTo("Recorded: Callback.");

        // the queue holds nobody else now: the callback is not due yet
        driver.findElement(By.id("next-call")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("next-nobody"))).getText())
                .isEqualTo("Nobody to call now.");

        driver.get(Api.BASE + "/#/callbacks");
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("callbacks-table")));
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("2026-12-01 15:30", moscow(number), "Call back after lunch", "Open");
        assertThat(rows.get(0).findElement(By.className("phone")).getAttribute("data-phone")).isEqualTo(number);
        assertThat(rows.get(0).getAttribute("class")).isNullOrEmpty();
        screenshot("operator-callbacks");

        // past the due time and the grace period, the same callback is marked overdue
        clock("2026-12-01T15:50:00+03:00");
        driver.navigate().refresh();
        WebElement overdue = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#callbacks-table .overdue")));
        assertThat(overdue.getText()).isEqualTo("Overdue");
        assertThat(driver.findElement(By.cssSelector("#callbacks-table tbody tr")).getAttribute("class")).isEqualTo("anomaly");
    }

    @Test
    void aRefusedOutcomeShowsTheProblemsDetailAsText() {
        String number = "+7495" + (1_000_000 + RANDOM.nextInt(8_999_999));
        long campaign = campaignWithOneContact("Boris Orlov", number);
        clock("2026-12-01T12:00:00+03:00");

        signInAs(operator);
        driver.get(Api.BASE + "/#/calls/next");
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("next-campaign"))))
                .selectByValue(String.valueOf(campaign));
        driver.findElement(By.id("next-call")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("next-name")));
        // a callback in the past is refused by the API; its detail is shown
        driver.executeScript("document.getElementById('outcome-callback-at').value = '2020-01-01T10:00';");
        driver.findElement(By.id("outcome-callback")).click();
        WebElement message = wait.until(d -> {
            WebElement m = d.findElement(By.id("outcome-message"));
            return m.getText().isBlank() ? null : m;
        });
        assertThat(message.getText()).startsWith("Something went wrong:").contains("callbackAt is in the past");
        assertThat(driver.findElements(By.id("next-done"))).isEmpty();
        assertThat(driver.findElement(By.id("next-name")).getText()).isEqualTo("Boris Orlov");
    }

    @Test
    void aContactIsFoundByNameOrByPhoneAndItsCardShowsItsCallsAndLeads() throws IOException {
        String digits = String.valueOf(1_000_000 + RANDOM.nextInt(8_999_999));
        String number = "+7495" + digits;
        String name = unique("Vera Kuznetsova");
        long contact = admin().body(Map.of("fullName", name, "phones", List.of(Map.of("number", number)),
                "city", "Moscow")).post("/api/contacts").then().statusCode(201).extract().jsonPath().getLong("id");
        long client = createClient(unique("UI Card Client"));
        String code = unique("UICARD").toUpperCase();
        admin().body(Map.of("code", code, "name", "Card " + code, "type", "INBOUND_AD", "clientId", client,
                "operators", List.of(operator))).post("/api/campaigns").then().statusCode(201);
        Map<String, Object> call = new HashMap<>();
        call.put("number", number);
        call.put("campaign", code);
        call.put("contactId", contact);
        call.put("outcome", "interested");
        call.put("lead", Map.of("estimatedValue", 1500));
        Api.as(operator, operator + "-pw").body(call).post("/api/calls/inbound").then().statusCode(201);

        signInAs(operator);
        driver.get(Api.BASE + "/#/contacts");
        WebElement query = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contacts-query")));
        assertThat(driver.findElement(By.cssSelector("label[for], #contacts-search label")).getText()).isEqualTo("Phone or name");
        query.sendKeys(name.toLowerCase(), Keys.ENTER);
        WebElement cardName = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card-name")));
        assertThat(cardName.getText()).isEqualTo(name);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#contact-card dl"), moscow(number)));
        assertThat(driver.findElement(By.cssSelector("#contact-card dl")).getText()).contains("Moscow", "Europe/Moscow");
        assertThat(driver.findElement(By.cssSelector("#contact-calls table")).getText()).contains(code, "INTERESTED");
        assertThat(driver.findElement(By.id("contact-leads")).getText()).contains(code, "NEW", operator);
        screenshot("operator-contact-card");

        // the same contact by its number written the Russian way
        query = driver.findElement(By.id("contacts-query"));
        query.clear();
        query.sendKeys("8 (495) " + digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5), Keys.ENTER);
        wait.until(ExpectedConditions.stalenessOf(cardName));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card-name"))).getText()).isEqualTo(name);

        query = driver.findElement(By.id("contacts-query"));
        query.clear();
        query.sendKeys(unique("Nobody"), Keys.ENTER);
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contacts-empty"))).getText())
                .isEqualTo("No contact found.");
    }

    /** A Moscow number +7495XXXXXXX as libphonenumber writes it for people: +7 495 XXX-XX-XX. */
    static String moscow(String e164) {
        return "+7 495 " + e164.substring(5, 8) + "-" + e164.substring(8, 10) + "-" + e164.substring(10);
    }
}
