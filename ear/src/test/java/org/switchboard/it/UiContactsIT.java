package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.freeMobile;
import static org.switchboard.it.Api.unique;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The contacts and leads screens in a real Chromium: an import through the file input with its row report, a
 * contact typed in the Russian way and found by its E.164 form, a script tag for a name shown as text, field
 * messages and the duplicate link, a card playing a call's recording with its leads and callbacks, a lead moved
 * on (and a stale move refused), exports with progress, and what a CLIENT may not do there.
 */
@ExtendWith(ArquillianExtension.class)
class UiContactsIT extends BrowserTest {

    private static final Random RANDOM = new Random();
    private static final String SCRIPT_NAME = "<script>alert(1)</script>";


    private long client;
    private long campaignId;
    private String campaign;
    private String operator;
    private String extension;
    private String supervisor;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    /** A client with an outbound campaign worked by one operator, and a supervisor who uses the screens. */
    @BeforeEach
    void fixtures() {
        Browser.assumeInstalled();
        client = createClient(unique("UI Contacts Client"));
        operator = unique("uictop");
        extension = freeExtension();
        createUser(operator, List.of("OPERATOR"), extension, null);
        supervisor = unique("uictsv");
        createUser(supervisor, List.of("SUPERVISOR"), null, null);
        campaign = unique("UICT").toUpperCase();
        campaignId = admin().body(Map.of("code", campaign, "name", "Contacts " + campaign, "type", "OUTBOUND",
                "clientId", client, "operators", List.of(operator))).post("/api/campaigns").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        browser.signedOutInEnglish();
    }

    private void open(String hash, By ready) {
        driver.get(Api.BASE + "/#" + hash);
        wait.until(ExpectedConditions.visibilityOfElementLocated(ready));
    }

    private static void assertNoAlert() {
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    private long leadOf(long contact) {
        return admin().body(Map.of("contactId", contact, "campaign", campaign, "operator", operator, "estimatedValue", 2500))
                .post("/api/leads").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void anImportReportsEveryBadRowTheGoodOnesAreListedAndTheFilteredListExports() throws IOException {
        String tag = unique("uiimp");
        String[] names = {unique("Anna Import"), unique("Boris Import"), unique("Vera Import")};
        String csv = "full_name,phones,city,tags\n"
                + names[0] + "," + freeMobile() + ",Kazan," + tag + "\n"
                + "Bad Phone,12,Kazan," + tag + "\n"
                + names[1] + "," + freeMobile() + ",Kazan," + tag + "\n"
                + "," + freeMobile() + ",Kazan," + tag + "\n"
                + names[2] + "," + freeMobile() + ",Kazan," + tag + "\n";
        Path file = Files.createTempFile(Path.of("target").toAbsolutePath(), "contacts-import-", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        browser.signInAs(supervisor);
        open("/contacts", By.id("contacts-query"));
        driver.findElement(By.cssSelector("#contacts-transfer summary")).click();
        driver.findElement(By.id("contacts-import-file")).sendKeys(file.toString());
        driver.findElement(By.id("contacts-import-start")).click();
        WebElement errors = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contacts-import-errors")));
        assertThat(driver.findElement(By.id("contacts-import-progress")).getText()).isEqualTo("Done.");
        WebElement summary = driver.findElement(By.id("contacts-import-summary"));
        assertThat(summary.findElement(By.cssSelector("dd[data-figure='received']")).getText()).isEqualTo("5");
        assertThat(summary.findElement(By.cssSelector("dd[data-figure='imported']")).getText()).isEqualTo("3");
        assertThat(summary.findElement(By.cssSelector("dd[data-figure='rejectedRows']")).getText()).isEqualTo("2");

        // the table shows each bad row exactly as the server reported it
        List<WebElement> rows = errors.findElements(By.cssSelector("tbody tr"));
        assertThat(rows).extracting(r -> r.getAttribute("data-line")).containsExactly("3", "5");
        assertThat(rows.get(0).findElement(By.cssSelector("td:nth-child(2)")).getText()).isEqualTo("phones");
        assertThat(rows.get(1).findElement(By.cssSelector("td:nth-child(2)")).getText()).isEqualTo("full_name");
        JsonPath again = admin().contentType("text/csv").queryParam("mode", "all-or-nothing")
                .body("full_name,phones\nBad Phone,12\n," + freeMobile() + "\n").post("/api/contacts/import").then()
                .statusCode(200).extract().jsonPath();
        assertThat(rows.get(0).findElement(By.cssSelector("td:nth-child(3)")).getText())
                .isEqualTo(again.getString("rejected[0].reason")).isNotBlank();
        assertThat(rows.get(1).findElement(By.cssSelector("td:nth-child(3)")).getText())
                .isEqualTo(again.getString("rejected[1].reason")).isNotBlank();
        assertThat(driver.findElement(By.id("contacts-export-progress")).isDisplayed()).isFalse();
        browser.screenshot("contacts-import-report");

        // the list, filtered by the tag, holds the three good rows
        driver.findElement(By.cssSelector("#contacts-transfer summary")).click();
        driver.findElement(By.id("contacts-tag")).sendKeys(tag);
        driver.findElement(By.id("contacts-find")).click();
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contacts-table")));
        wait.until(d -> d.findElements(By.cssSelector("#contacts-table tbody tr")).size() == 3);
        assertThat(table.findElements(By.cssSelector("tbody tr button.contact-open")))
                .extracting(WebElement::getText).containsExactlyInAnyOrder(names);
        assertThat(driver.findElement(By.id("contacts-total")).getText()).isEqualTo("Found: 3");
        browser.screenshot("contacts-list");

        // the export takes the list's filters and shows its progress to the end
        driver.findElement(By.cssSelector("#contacts-transfer summary")).click();
        driver.findElement(By.id("contacts-export")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contacts-export-progress"), "Done."));
        assertThat(driver.findElement(By.id("contacts-export-status")).getText()).startsWith("Saved contacts.csv");
        String exported = admin().queryParam("tag", tag).queryParam("format", "csv").get("/api/contacts/export").then()
                .statusCode(200).extract().asString();
        assertThat(exported.lines().count()).isEqualTo(4);
        assertThat(exported).contains(names[0], names[1], names[2]);
        assertNoAlert();
        driver.findElement(By.id("logout")).click();

        // a marketer reads and exports contacts but neither creates nor imports them
        String marketer = unique("uictmk");
        createUser(marketer, List.of("MARKETER"), null, null);
        browser.signInAs(marketer);
        open("/contacts", By.id("contacts-query"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contacts-table")));
        assertThat(driver.findElements(By.id("contacts-new"))).isEmpty();
        assertThat(driver.findElements(By.id("contacts-import"))).isEmpty();
        assertThat(driver.findElements(By.id("contacts-export-form"))).hasSize(1);
    }

    @Test
    void aContactTypedTheRussianWayIsFoundByItsE164FormAndAScriptForANameStaysText() throws IOException {
        String digits = String.valueOf(1_000_000 + RANDOM.nextInt(8_999_999));
        String typed = "8 (495) " + digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);
        String e164 = "+7495" + digits;
        String formatted = "+7 495 " + digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);

        browser.signInAs(operator);
        open("/contacts", By.id("contacts-new"));
        // an operator imports contacts but may not export the base
        assertThat(driver.findElements(By.id("contacts-import"))).hasSize(1);
        assertThat(driver.findElements(By.id("contacts-export-form"))).isEmpty();
        driver.findElement(By.id("contacts-new")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-full-name"))).sendKeys(SCRIPT_NAME);
        driver.findElement(By.id("contact-phone-0")).sendKeys(typed);
        driver.findElement(By.id("contact-emails")).sendKeys("bob@");
        driver.findElement(By.id("contact-time-zone")).sendKeys("Mars/Olympus");
        driver.findElement(By.id("contact-save")).click();
        // the server's messages stand next to their fields
        WebElement emailError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-emails-error")));
        wait.until(d -> !emailError.getText().isBlank());
        assertThat(emailError.getText()).contains("'bob@' is not an e-mail address");
        assertThat(driver.findElement(By.id("contact-emails")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("contact-time-zone-error")).getText()).contains("is not a time zone");
        assertThat(driver.findElement(By.id("contact-full-name-error")).getText()).isEmpty();
        browser.screenshot("contact-form-errors");

        driver.findElement(By.id("contact-emails")).clear();
        driver.findElement(By.id("contact-time-zone")).clear();
        driver.findElement(By.id("contact-save")).click();
        WebElement cardName = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card-name")));
        assertThat(cardName.getText()).isEqualTo(SCRIPT_NAME);
        assertNoAlert();
        JsonPath stored = admin().queryParam("phone", e164).get("/api/contacts").then().statusCode(200)
                .body("total", equalTo(1)).extract().jsonPath();
        assertThat(stored.getString("items[0].fullName")).isEqualTo(SCRIPT_NAME);
        assertThat(stored.getString("items[0].phones[0].number")).isEqualTo(e164);
        long id = stored.getLong("items[0].id");

        // found by the number in E.164, shown formatted, the name as text in the list and on the card
        WebElement query = driver.findElement(By.id("contacts-query"));
        query.clear();
        query.sendKeys(e164);
        driver.findElement(By.id("contacts-find")).click();
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#contacts-table tr[data-id='" + id + "']")));
        assertThat(row.findElement(By.cssSelector("button.contact-open")).getText()).isEqualTo(SCRIPT_NAME);
        wait.until(ExpectedConditions.textToBePresentInElement(row, formatted));
        assertThat(row.findElement(By.cssSelector("span.phone")).getAttribute("data-phone")).isEqualTo(e164);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#contact-card dl"), formatted));
        assertThat(driver.findElement(By.id("card-name")).getText()).isEqualTo(SCRIPT_NAME);
        assertThat(driver.findElements(By.cssSelector("#main script"))).isEmpty();
        assertNoAlert();

        // the same number typed again for someone else: the duplicate is shown with a link to the holder
        driver.findElement(By.id("contacts-new")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-full-name"))).sendKeys(unique("Twin"));
        driver.findElement(By.id("contact-phone-0")).sendKeys(e164);
        driver.findElement(By.id("contact-save")).click();
        WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-duplicate-link")));
        assertThat(link.getAttribute("href")).endsWith("#/contacts/" + id);
        assertThat(link.getText()).isEqualTo("open " + SCRIPT_NAME);
        link.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("card-name"), SCRIPT_NAME));

        // an edit over someone else's change is refused and said so
        driver.findElement(By.id("contact-edit")).click();
        WebElement city = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-city")));
        Map<String, Object> current = admin().get("/api/contacts/" + id).then().statusCode(200).extract().jsonPath().getMap("$");
        admin().body(Map.of("fullName", SCRIPT_NAME, "phones", List.of(Map.of("number", e164)), "city", "Tver",
                "version", current.get("version"))).put("/api/contacts/" + id).then().statusCode(200);
        city.sendKeys("Moscow");
        driver.findElement(By.id("contact-save")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-stale"))).getText())
                .contains("Someone else changed this contact");
        assertThat(admin().get("/api/contacts/" + id).then().extract().jsonPath().getString("city")).isEqualTo("Tver");
        assertNoAlert();
    }

    @Test
    void theCardPlaysACallsRecordingAndShowsTheContactsLeadsAndCallbacks() throws IOException {
        String number = freeMobile();
        String name = unique("Card Contact");
        long contact = admin().body(Map.of("fullName", name, "phones", List.of(Map.of("number", number)), "city", "Moscow"))
                .post("/api/contacts").then().statusCode(201).extract().jsonPath().getLong("id");
        String uid = "17670" + (System.currentTimeMillis() % 1_000_000L) + "." + RANDOM.nextInt(1000);
        String line = CallsIT.cdr(campaign, extension, number.substring(1), "PJSIP/" + extension + "-0000c001",
                "PJSIP/trunk-0000c101", "", LocalDate.of(2026, 7, 20).atTime(11, 0), 3, 42, "ANSWERED", uid, null) + "\n";
        admin().contentType("text/csv").body(line.getBytes(StandardCharsets.UTF_8)).post("/api/calls/import/asterisk")
                .then().statusCode(200).body("imported", equalTo(1));
        long call = admin().queryParam("contactId", contact).get("/api/calls").then().statusCode(200)
                .body("total", equalTo(1)).extract().jsonPath().getLong("items[0].id");
        admin().contentType("audio/wav").body(UiQaIT.wav(2)).put("/api/calls/" + call + "/recording").then().statusCode(200);
        long lead = leadOf(contact);
        String note = unique("call after lunch");
        admin().body(Map.of("campaignId", campaignId, "contactId", contact, "dueAt", LocalDate.now().plusDays(7) + "T14:00",
                "owner", operator, "note", note)).post("/api/callbacks").then().statusCode(201);

        browser.signInAs(supervisor);
        open("/contacts/" + contact, By.id("card-name"));
        assertThat(driver.findElement(By.id("card-name")).getText()).isEqualTo(name);
        WebElement calls = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-calls-table")));
        WebElement callRow = calls.findElement(By.cssSelector("tr[data-call-id='" + call + "']"));
        assertThat(callRow.getText()).contains(operator, campaign, "42");
        assertThat(driver.findElement(By.cssSelector("#contact-leads tr[data-id='" + lead + "']")).getText())
                .contains(campaign, operator, "NEW", "2,500");
        assertThat(driver.findElement(By.id("contact-callbacks")).getText()).contains(note, operator);

        callRow.findElement(By.cssSelector("button.contact-play")).click();
        WebElement audio = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-audio")));
        wait.until(d -> String.valueOf(audio.getAttribute("src")).startsWith("blob:"));
        wait.until(d -> ((Number) driver.executeScript("return arguments[0].readyState", audio)).intValue() >= 1);
        double duration = ((Number) driver.executeScript("return arguments[0].duration", audio)).doubleValue();
        assertThat(duration).isGreaterThan(1.5).isLessThan(2.5);
        assertThat(audio.getAttribute("data-call-id")).isEqualTo(String.valueOf(call));
        browser.screenshot("contact-card");
        // the listen is logged under the supervisor's name
        assertThat(admin().get("/api/calls/" + call + "/listens").then().statusCode(200).extract().jsonPath()
                .getList("username")).contains(supervisor);
    }

    @Test
    void aLeadsStatusChangeIsStoredAStaleOneIsRefusedTheListExportsAndAClientOnlyReads() throws IOException {
        long contact = admin().body(Map.of("fullName", unique("Lead Contact"), "phones", List.of(Map.of("number", freeMobile()))))
                .post("/api/contacts").then().statusCode(201).extract().jsonPath().getLong("id");
        long lead = leadOf(contact);
        String clientUser = unique("uictcl");
        createUser(clientUser, List.of("CLIENT"), null, client);

        browser.signInAs(supervisor);
        open("/leads", By.id("leads-status"));
        wait.until(d -> !d.findElements(By.cssSelector("#leads-campaign option[value='" + campaign + "']")).isEmpty());
        new Select(driver.findElement(By.id("leads-campaign"))).selectByValue(campaign);
        driver.findElement(By.id("leads-show")).click();
        By row = By.cssSelector("#leads-table tr[data-id='" + lead + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(driver.findElements(By.cssSelector("#leads-table tbody tr"))).hasSize(1);
        assertThat(driver.findElement(row).getText()).contains("NEW", operator, campaign);

        new Select(driver.findElement(By.id("lead-next-" + lead))).selectByValue("QUALIFIED");
        driver.findElement(By.id("lead-move-" + lead)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("leads-moved")));
        wait.until(d -> "QUALIFIED".equals(d.findElement(row).getAttribute("data-status")));
        assertThat(admin().get("/api/leads/" + lead).then().statusCode(200).extract().jsonPath().getString("status"))
                .isEqualTo("QUALIFIED");
        browser.screenshot("leads-list");

        // someone else moves it on meanwhile: the move from the outdated row is refused and shown
        long version = admin().get("/api/leads/" + lead).then().extract().jsonPath().getLong("version");
        admin().body(Map.of("status", "MEETING_SET", "version", version)).post("/api/leads/" + lead + "/status")
                .then().statusCode(200);
        new Select(driver.findElement(By.id("lead-next-" + lead))).selectByValue("WON");
        driver.findElement(By.id("lead-move-" + lead)).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("leads-conflict"))).getText())
                .contains("changed by someone else");
        assertThat(admin().get("/api/leads/" + lead).then().extract().jsonPath().getString("status")).isEqualTo("MEETING_SET");
        wait.until(d -> "MEETING_SET".equals(d.findElement(row).getAttribute("data-status")));

        driver.findElement(By.cssSelector("#leads-transfer summary")).click();
        driver.findElement(By.id("leads-export")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("leads-export-progress"), "Done."));
        assertThat(driver.findElement(By.id("leads-export-status")).getText()).startsWith("Saved leads.csv");

        // the screen speaks Russian when asked
        driver.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#main h1"), "Лиды"));
        assertThat(driver.findElement(By.id("leads-filters")).getText()).contains("Статус", "Кампания", "Показать");
        assertThat(new Select(driver.findElement(By.id("leads-status"))).getOptions()).extracting(WebElement::getText)
                .contains("Любой статус", "Назначена встреча", "Потерян");
        driver.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#main h1"), "Leads"));

        // a lead import: the good row is stored, the bad one reported with its column
        String imported = unique("Imported Lead");
        Path file = Files.createTempFile(Path.of("target").toAbsolutePath(), "leads-import-", ".csv");
        Files.writeString(file, "created_at,operator_extension,phone,name,campaign\n"
                + "2026-11-20 10:00:00," + extension + "," + freeMobile() + "," + imported + "," + campaign + "\n"
                + "2026-11-20 11:00:00," + extension + ",12,Bad Number," + campaign + "\n", StandardCharsets.UTF_8);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#leads-transfer summary"))).click();
        driver.findElement(By.id("leads-import-file")).sendKeys(file.toString());
        driver.findElement(By.id("leads-import-start")).click();
        WebElement bad = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#leads-import-errors tr[data-line='3']")));
        assertThat(bad.findElement(By.cssSelector("td:nth-child(2)")).getText()).isEqualTo("phone");
        assertThat(driver.findElement(By.cssSelector("#leads-import-summary dd[data-figure='imported']")).getText())
                .isEqualTo("1");
        assertThat(admin().queryParam("campaign", campaign).get("/api/leads").then().statusCode(200).extract().jsonPath()
                .getInt("total")).isEqualTo(2);
        driver.findElement(By.id("logout")).click();

        // the client's user reads its leads but changes nothing and imports nothing; contacts are not its screen
        browser.signInAs(clientUser);
        open("/leads", By.id("leads-status"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(driver.findElements(By.cssSelector(".lead-move"))).isEmpty();
        assertThat(driver.findElements(By.id("leads-import"))).isEmpty();
        assertThat(driver.findElements(By.id("leads-export-form"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("header nav a[data-key='contacts']"))).isEmpty();
        assertNoAlert();
    }
}
