package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createCampaign;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createContact;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The client portal's campaign and calls screens in a real Chromium: a CLIENT user sees its own campaign (never another
 * client's, whose page says "Campaign not found" and shows nothing of it), its own calls only, plays a recording and
 * exports the filtered calls; a supervisor edits a campaign and fills its call list by search and from a file with a
 * row-level report. Skipped where the browser is not installed.
 */
@ExtendWith(ArquillianExtension.class)
class UiPortalIT extends BrowserTest {

    private static final AtomicInteger UNIQUEIDS = new AtomicInteger();


    private String alphaCampaign;
    private long alphaCampaignId;
    private String betaCampaign;
    private long betaCampaignId;
    private String operator;
    private String extension;
    private String alphaUser;
    private String alphaName;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    /** Clients Alpha and Beta with an outbound campaign each, an operator, and Alpha's CLIENT user. */
    @BeforeEach
    void fixtures() {
        Browser.assumeInstalled();
        alphaName = unique("UI Portal Alpha");
        long alpha = createClient(alphaName);
        long beta = createClient(unique("UI Portal Beta"));
        alphaCampaign = createCampaign(alpha, "OUTBOUND");
        alphaCampaignId = campaignId(alphaCampaign);
        betaCampaign = createCampaign(beta, "OUTBOUND");
        betaCampaignId = campaignId(betaCampaign);
        operator = unique("uiptop");
        extension = freeExtension();
        createUser(operator, List.of("OPERATOR"), extension, null);
        alphaUser = unique("uiptal");
        createUser(alphaUser, List.of("CLIENT"), null, alpha);
        browser.signedOutInEnglish();
    }

    private static long campaignId(String code) {
        return admin().queryParam("q", code).get("/api/campaigns").then().statusCode(200).extract().jsonPath()
                .getLong("items[0].id");
    }

    /** One answered call of the operator on {@code campaign} at 10:00 PBX time of {@code day}, with a 2 s recording. */
    private long recordedCall(String campaign, LocalDate day, int talkSeconds) {
        String uid = "17661" + (System.currentTimeMillis() % 1_000_000L) + "." + UNIQUEIDS.incrementAndGet();
        String line = CallsIT.cdr(campaign, extension, freeMobile().substring(1), "PJSIP/" + extension + "-0000p001",
                "PJSIP/trunk-0000p101", "", day.atTime(10, UNIQUEIDS.get() % 60), 3, talkSeconds, "ANSWERED", uid, null)
                + "\n";
        admin().contentType("text/csv").body(line.getBytes(StandardCharsets.UTF_8))
                .post("/api/calls/import/asterisk").then().statusCode(200).body("imported", equalTo(1));
        JsonPath list = admin().queryParam("campaign", campaign).queryParam("from", day.toString())
                .queryParam("to", day.toString()).get("/api/calls").then().statusCode(200).extract().jsonPath();
        long id = list.getLong("items[0].id");
        admin().contentType("audio/wav").body(UiQaIT.wav(2)).put("/api/calls/" + id + "/recording").then().statusCode(200);
        return id;
    }

    private List<String> navigationKeys() {
        return driver.findElements(By.cssSelector("header nav a")).stream().map(a -> a.getAttribute("data-key")).toList();
    }

    private void go(String hash) {
        driver.executeScript("location.hash = arguments[0];", hash);
    }

    @Test
    void aClientSeesItsOwnCampaignAndNotFoundForAnotherClients() throws IOException {
        browser.signInAs(alphaUser);
        assertThat(navigationKeys()).contains("campaigns", "calls").doesNotContain("admin.users", "admin.settings");

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("header nav a[data-key='campaigns']"))).click();
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("campaigns-table")));
        WebElement own = table.findElement(By.cssSelector("tr[data-code='" + alphaCampaign + "']"));
        assertThat(own.getText()).contains(alphaCampaign, "Campaign " + alphaCampaign, "Outbound", "UI Portal Alpha", "Active");
        assertThat(table.findElements(By.cssSelector("tr[data-code='" + betaCampaign + "']"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("a[href='#/campaigns/" + betaCampaignId + "']"))).isEmpty();
        assertThat(driver.findElement(By.id("main")).getText()).doesNotContain(betaCampaign, "UI Portal Beta");
        browser.screenshot("client-campaigns");

        own.findElement(By.cssSelector("a.campaign-link")).click();
        WebElement details = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("campaign-details")));
        assertThat(details.findElement(By.id("campaign-name")).getText()).isEqualTo("Campaign " + alphaCampaign + " (" + alphaCampaign + ")");
        assertThat(details.getText()).contains("UI Portal Alpha", "Outbound");
        // read-only for a client: no edit form, no list changes, no rules form; the list's progress is shown
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("list-stats")));
        assertThat(driver.findElement(By.cssSelector("#list-stats [data-stat='total'] dd")).getText()).isEqualTo("0");
        assertThat(driver.findElements(By.cssSelector("#campaign-edit, #list-add, #list-import, #rules-form"))).isEmpty();
        browser.screenshot("client-campaign");
        // its calls are one link away, filtered by the campaign
        driver.findElement(By.id("campaign-calls")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("calls-campaign"), "value", alphaCampaign));
        assertThat(driver.findElements(By.cssSelector("#calls-campaign option[value='" + betaCampaign + "']"))).isEmpty();

        go("#/campaigns/" + betaCampaignId);
        WebElement notFound = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("campaign-not-found")));
        assertThat(notFound.getText()).isEqualTo("Campaign not found.");
        assertThat(driver.findElements(By.cssSelector("#campaign-details, #campaign-list"))).isEmpty();
        assertThat(driver.findElement(By.id("main")).getText()).doesNotContain(betaCampaign, "UI Portal Beta");
        as(alphaUser, alphaUser + "-pw").get("/api/campaigns/" + betaCampaignId).then().statusCode(404);
        // and in Russian
        driver.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.textToBe(By.id("campaign-not-found"), "Кампания не найдена."));
        assertThat(driver.findElement(By.id("campaign-back")).getText()).isEqualTo("Все кампании");
    }

    @Test
    void aClientsCallsAreItsOwnItPlaysARecordingAndExportsThem() throws IOException {
        LocalDate day = LocalDate.of(2026, 8, 11);
        long ownCall = recordedCall(alphaCampaign, day, 65);
        long otherCall = recordedCall(betaCampaign, day, 70);

        browser.signInAs(alphaUser);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("header nav a[data-key='calls']"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("calls-from")));
        wait.until(d -> !d.findElements(By.cssSelector("#calls-table, #calls-empty, #calls-message .message")).isEmpty());
        driver.executeScript("document.getElementById('calls-from').value = arguments[0];"
                + "document.getElementById('calls-to').value = arguments[0];"
                + "document.getElementById('calls-output').replaceChildren();", day.toString());
        driver.findElement(By.id("calls-show")).click();
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#calls-table tr[data-call-id='" + ownCall + "']")));
        assertThat(row.getText()).contains(operator, alphaCampaign, "65", "ANSWERED");
        assertThat(driver.findElements(By.cssSelector("#calls-table tr[data-call-id='" + otherCall + "']"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#calls-table tbody tr")))
                .allSatisfy(r -> assertThat(r.getAttribute("data-campaign")).isEqualTo(alphaCampaign));
        assertThat(driver.findElement(By.id("calls-count")).getText()).isEqualTo("Calls: 1");
        browser.screenshot("client-calls");

        row.findElement(By.cssSelector("button.calls-play")).click();
        WebElement audio = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("calls-audio")));
        wait.until(d -> String.valueOf(audio.getAttribute("src")).startsWith("blob:"));
        wait.until(d -> ((Number) driver.executeScript("return arguments[0].readyState", audio)).intValue() >= 1);
        assertThat(((Number) driver.executeScript("return arguments[0].duration", audio)).doubleValue())
                .isGreaterThan(1.5).isLessThan(2.5);
        // the listen was logged against the client's user
        assertThat(admin().get("/api/calls/" + ownCall + "/listens").then().statusCode(200).extract().jsonPath()
                .getList("username", String.class)).contains(alphaUser);

        driver.findElement(By.id("calls-export-csv")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#calls-export-progress .progress-text"), "Done."));
        assertThat(driver.findElement(By.id("calls-exported")).getText()).startsWith("Saved ").contains(".csv");
        // the same export over the API: the client's call is in it, the other client's is not
        String csv = as(alphaUser, alphaUser + "-pw").queryParam("from", day.toString()).queryParam("to", day.toString())
                .queryParam("format", "csv").get("/api/calls/export").then().statusCode(200).extract().asString();
        assertThat(csv).contains(alphaCampaign).doesNotContain(betaCampaign);
    }

    @Test
    void aSupervisorEditsACampaignAndFillsItsCallListBySearchAndFromAFile() throws IOException {
        String supervisor = unique("uiptsv");
        createUser(supervisor, List.of("SUPERVISOR"), null, null);
        String searchable = unique("Searchable Портал");
        createContact(searchable, freeMobile());

        browser.signInAs(supervisor);
        // a new campaign from the list's form opens its own page
        go("#/campaigns");
        String code = unique("NEW").toUpperCase();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("campaign-new-code"))).sendKeys(code);
        driver.findElement(By.id("campaign-new-name")).sendKeys("Spring calls");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("campaign-new-client"))).selectByVisibleText(alphaName);
        driver.findElement(By.id("campaign-create")).click();
        wait.until(ExpectedConditions.textToBe(By.id("campaign-name"), "Spring calls (" + code + ")"));
        JsonPath made = admin().queryParam("q", code).get("/api/campaigns").then().statusCode(200).extract().jsonPath();
        assertThat(made.getString("items[0].type")).isEqualTo("INBOUND_AD");
        assertThat(made.getString("items[0].name")).isEqualTo("Spring calls");

        go("#/campaigns/" + alphaCampaignId);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("campaign-name"), alphaCampaign));
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("campaign-edit")));
        // a refusal shows the field's violation next to it
        WebElement operators = form.findElement(By.id("campaign-edit-operators"));
        operators.clear();
        operators.sendKeys("nobody-such");
        driver.findElement(By.id("campaign-save")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#campaign-edit .field-error")));
        assertThat(error.getText()).contains("operators[0]", "names no active operator");
        assertThat(operators.getAttribute("aria-invalid")).isEqualTo("true");

        operators.clear();
        operators.sendKeys(operator);
        WebElement name = form.findElement(By.id("campaign-edit-name"));
        name.clear();
        name.sendKeys("Renamed <b>" + alphaCampaign + "</b>");
        driver.findElement(By.id("campaign-save")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("campaign-saved")));
        assertThat(driver.findElement(By.id("campaign-name")).getText()).isEqualTo("Renamed <b>" + alphaCampaign + "</b> (" + alphaCampaign + ")");
        JsonPath stored = admin().get("/api/campaigns/" + alphaCampaignId).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getString("name")).isEqualTo("Renamed <b>" + alphaCampaign + "</b>");
        assertThat(stored.getList("operators")).containsExactly(operator);

        // by search: the contact found by its name goes on the list
        WebElement nameField = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("list-add-q")));
        nameField.sendKeys(searchable);
        driver.findElement(By.id("list-add-button")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("list-added"))).getText())
                .isEqualTo("Added 1, already on the list 0, refused 0.");

        // from a file: one good row, one bad number, reported by line
        Path file = Files.createTempFile("call-list", ".csv");
        String good = freeMobile();
        Files.writeString(file, "phone,name\n" + good + ",New From File\nnot-a-number,Broken Row\n", StandardCharsets.UTF_8);
        driver.findElement(By.id("list-file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("list-upload")).click();
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("list-report-summary")));
        assertThat(summary.getText()).isEqualTo("Rows 2: imported 1, updated 0, duplicates 0, rejected 1.");
        assertThat(driver.findElement(By.id("list-rejected")).getText()).contains("3", "phone");
        assertThat(driver.findElement(By.cssSelector("#list-progress .progress-text")).getText()).isEqualTo("Done.");
        Files.deleteIfExists(file);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#list-stats [data-stat='total'] dd"), "2"));
        assertThat(driver.findElements(By.cssSelector("#list-table tbody tr"))).hasSize(2);
        assertThat(driver.findElement(By.cssSelector("#list-table tr[data-number='" + good + "']"))).isNotNull();
        JsonPath list = admin().get("/api/campaigns/" + alphaCampaignId + "/list").then().statusCode(200).extract().jsonPath();
        assertThat(list.getLong("total")).isEqualTo(2);

        // the outbound rules form saves what it shows
        WebElement attempts = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rules-maxAttempts")));
        attempts.clear();
        attempts.sendKeys("4");
        driver.findElement(By.id("rules-save")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rules-saved")));
        admin().get("/api/campaigns/" + alphaCampaignId + "/outbound").then().statusCode(200).body("maxAttempts", equalTo(4));
        browser.screenshot("supervisor-campaign");
    }
}
