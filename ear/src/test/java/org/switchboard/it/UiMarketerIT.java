package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.unique;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The marketer's screens in a real Chromium: a survey built question by question with a branch, refused by the server
 * while its branches make a loop, fixed, saved and published; its results (chart and table, NPS, cross-tab, export)
 * over interviews given through the API; an after-sales event and an EVENT rule written in the forms; and the role
 * limits (an operator has neither screen and the API refuses it; only an admin may generate tasks now).
 */
@ExtendWith(ArquillianExtension.class)
class UiMarketerIT extends BrowserTest {

    private String marketer;
    private String operator;
    private long client;
    private String surveyCampaign;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    /** A marketer, an operator on a SURVEY campaign of a client. */
    @BeforeEach
    void fixtures() {
        Browser.assumeInstalled();
        marketer = unique("uimkt");
        createUser(marketer, List.of("MARKETER"), null, null);
        operator = unique("uimkop");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        client = createClient(unique("UI Marketing Client"));
        surveyCampaign = unique("SV").toUpperCase();
        admin().body(Map.of("code", surveyCampaign, "name", "Mood " + surveyCampaign, "type", "SURVEY", "clientId", client,
                "operators", List.of(operator))).post("/api/campaigns").then().statusCode(201);
        browser.signedOutInEnglish();
    }

    private RequestSpecification asMarketer() {
        return as(marketer, marketer + "-pw");
    }

    private List<String> navigationKeys() {
        return driver.findElements(By.cssSelector("header nav a")).stream().map(a -> a.getAttribute("data-key")).toList();
    }

    private static WebElement question(int index) {
        return driver.findElement(By.id("question-" + index));
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    private static void setValue(String id, String value) {
        driver.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    private static String text(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    private long contact(String name, String city) {
        return admin().body(Map.of("fullName", name, "city", city, "phones",
                List.of(Map.of("number", OutboundIT.moscowNumber())))).post("/api/contacts").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** An interview the operator gives over the API: question code, value, …; answers the response id. */
    private void interview(long survey, long contact, Object... answers) {
        RequestSpecification op = as(operator, operator + "-pw");
        long response = op.body(Map.of("contactId", contact)).post("/api/surveys/" + survey + "/responses").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        for (int i = 0; i < answers.length; i += 2) {
            Map<String, Object> body = new HashMap<>();
            body.put("question", answers[i]);
            body.put("value", answers[i + 1]);
            as(operator, operator + "-pw").body(body).post("/api/responses/" + response + "/answers").then()
                    .statusCode(200);
        }
    }

    @Test
    void aMarketerBuildsASurveyWithABranchIsToldOfTheLoopFixesItPublishesItAndReadsItsResults() throws IOException {
        browser.signInAs(marketer);
        assertThat(navigationKeys()).contains("surveys", "aftersales");
        driver.findElement(By.cssSelector("header nav a[data-key='surveys']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("survey-new"))).click();

        String title = "Brand <b>mood</b> " + unique("s");
        type(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("survey-title"))), title);
        new Select(driver.findElement(By.id("survey-campaign"))).selectByValue(surveyCampaign);
        for (int i = 0; i < 3; i++) {
            driver.findElement(By.id("add-question")).click();
        }
        assertThat(driver.findElements(By.cssSelector("#survey-questions fieldset.question"))).hasSize(3);
        new Select(question(1).findElement(By.className("q-kind"))).selectByValue("TEXT");
        new Select(question(2).findElement(By.className("q-kind"))).selectByValue("SCALE");
        question(0).findElement(By.className("q-text")).sendKeys("Do you know <i>us</i>?");
        question(1).findElement(By.className("q-text")).sendKeys("What do you like about us?");
        question(2).findElement(By.className("q-text")).sendKeys("How likely are you to recommend us?");
        List<WebElement> options = question(0).findElements(By.className("option"));
        type(options.get(0).findElement(By.className("opt-code")), "yes");
        type(options.get(0).findElement(By.className("opt-text")), "Yes");
        type(options.get(1).findElement(By.className("opt-code")), "no");
        type(options.get(1).findElement(By.className("opt-text")), "No");
        // a branch may only name a later question or the end
        Select branch = new Select(options.get(1).findElement(By.className("opt-branch")));
        assertThat(branch.getOptions()).extracting(o -> o.getAttribute("value")).containsExactly("", "Q2", "Q3", "END");
        branch.selectByValue("Q3");
        question(1).findElement(By.className("q-required")).click();
        type(question(2).findElement(By.className("q-min")), "0");
        type(question(2).findElement(By.className("q-max")), "10");

        // moving Q3 to the top turns Q1's branch backwards: the server refuses the loop, shown at the questions in it
        question(2).findElement(By.className("q-up")).click();
        question(1).findElement(By.className("q-up")).click();
        assertThat(question(0).getAttribute("data-code")).isEqualTo("Q3");
        assertThat(new Select(question(1).findElements(By.className("opt-branch")).get(1)).getFirstSelectedOption().getText())
                .isEqualTo("Q3 — earlier question!");
        driver.findElement(By.id("survey-save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#question-1 ul.field-errors[data-field='questions[1]'] li")));
        assertThat(driver.findElement(By.id("survey-message")).getText()).isNotBlank();
        String loop = "the branches make a loop: Q3 → Q1 → Q3";
        assertThat(question(1).findElement(By.cssSelector("ul.field-errors[data-field='questions[1]']")).getText())
                .contains(loop);
        assertThat(question(0).findElement(By.cssSelector("ul.field-errors[data-field='questions[0]']")).getText())
                .contains(loop);
        assertThat(question(1).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(question(2).findElement(By.cssSelector("ul.field-errors[data-field='questions[2]']")).getText()).isEmpty();
        assertThat(asMarketer().queryParam("size", 100).get("/api/surveys").then().statusCode(200).extract().jsonPath()
                .getList("items.title")).doesNotContain(title);

        // moved back, it saves as draft version 1 and opens at its own address
        question(0).findElement(By.className("q-down")).click();
        question(1).findElement(By.className("q-down")).click();
        driver.findElement(By.id("survey-save")).click();
        WebElement state = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#survey-state[data-state='DRAFT']")));
        assertThat(state.getText()).isEqualTo("Version 1: draft");
        long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*#/surveys/", ""));
        assertThat(text("survey-name")).isEqualTo(title);
        assertThat(question(0).findElement(By.className("q-text")).getAttribute("value")).isEqualTo("Do you know <i>us</i>?");
        driver.executeScript("document.getElementById('question-0').scrollIntoView()");
        browser.screenshot("marketer-survey-builder");

        // someone else saves meanwhile: this save is refused as stale, and Reload shows their version
        Map<String, Object> theirs = new HashMap<>(asMarketer().get("/api/surveys/" + id).then().statusCode(200)
                .extract().jsonPath().getMap("$"));
        theirs.keySet().retainAll(List.of("title", "intro", "campaign", "questions", "quotas", "targetCompletes", "version"));
        title = title + " (renamed)";
        theirs.put("title", title);
        asMarketer().body(theirs).put("/api/surveys/" + id).then().statusCode(200);
        driver.findElement(By.id("survey-intro")).sendKeys("Good afternoon!");
        driver.findElement(By.id("survey-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("survey-message"), "Someone else changed"));
        driver.findElement(By.cssSelector("#survey-message button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("survey-name"), title));
        assertThat(driver.findElement(By.id("survey-intro")).getAttribute("value")).isEmpty();

        driver.findElement(By.id("survey-publish")).click();
        assertThat(text("survey-published")).isEqualTo("Published: version 1 is live.");
        assertThat(driver.findElement(By.id("survey-fields")).getAttribute("disabled")).isNotNull();
        assertThat(text("survey-edit")).isEqualTo("Edit — starts version 2");
        assertThat(driver.findElements(By.id("survey-save"))).isEmpty();

        JsonPath stored = asMarketer().get("/api/surveys/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getString("state")).isEqualTo("PUBLISHED");
        assertThat(stored.getString("title")).isEqualTo(title);
        assertThat(stored.getString("campaign")).isEqualTo(surveyCampaign);
        assertThat(stored.getList("questions.code")).containsExactly("Q1", "Q2", "Q3");
        assertThat(stored.getList("questions.kind")).containsExactly("SINGLE", "TEXT", "SCALE");
        assertThat(stored.getList("questions[0].options.code")).containsExactly("yes", "no");
        assertThat(stored.getList("questions[0].branches")).containsExactly(Map.of("answer", "no", "goTo", "Q3"));
        assertThat(stored.getBoolean("questions[1].required")).isFalse();
        assertThat(stored.getInt("questions[2].min")).isZero();
        assertThat(stored.getInt("questions[2].max")).isEqualTo(10);

        // three completed interviews (one taking the branch) and one in progress
        interview(id, contact("Moscow One", "Moscow"), "Q1", "yes", "Q2", "Great service", "Q3", 10);
        interview(id, contact("Moscow Two", "Moscow"), "Q1", "yes", "Q2", null, "Q3", 9);
        interview(id, contact("Kazan One", "Kazan"), "Q1", "no", "Q3", 3);
        interview(id, contact("Kazan Two", "Kazan"), "Q1", "yes");

        driver.findElement(By.id("survey-results-link")).click();
        WebElement yes = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#result-table-Q1 tr[data-answer='yes']")));
        assertThat(yes.findElement(By.cssSelector("th")).getText()).isEqualTo("Yes (yes)");
        assertThat(yes.findElement(By.cssSelector("td[data-column='count']")).getText()).isEqualTo("2");
        assertThat(yes.findElement(By.cssSelector("td[data-column='percent']")).getText()).isEqualTo("66.7 %");
        WebElement no = driver.findElement(By.cssSelector("#result-table-Q1 tr[data-answer='no']"));
        assertThat(no.findElement(By.cssSelector("td[data-column='count']")).getText()).isEqualTo("1");
        assertThat(no.findElement(By.cssSelector("td[data-column='percent']")).getText()).isEqualTo("33.3 %");
        assertThat(driver.findElement(By.cssSelector("#results-summary dd[data-figure='completes']")).getText()).isEqualTo("3");
        assertThat(driver.findElement(By.cssSelector("#results-summary dd[data-figure='inProgress']")).getText()).isEqualTo("1");
        assertThat(driver.findElement(By.cssSelector("#result-Q2 .answered")).getText()).isEqualTo("Answered: 1");
        assertThat(text("result-nps-Q3")).isEqualTo("NPS +33.3");
        assertThat(driver.findElement(By.cssSelector("#result-table-Q3 tr[data-answer='10'] td[data-column='count']")).getText())
                .isEqualTo("1");
        // Chart.js drew on each chart's canvas, which also says the figures in words
        WebElement canvas = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#result-Q1 .chart canvas")));
        wait.until(d -> driver.executeScript("return !!arguments[0].chartInstance", canvas));
        assertThat(canvas.getAttribute("aria-label")).contains("Yes (yes) 2 (66.7 %)", "No (no) 1 (33.3 %)");
        assertThat(driver.findElements(By.cssSelector("#result-Q3 .chart canvas"))).hasSize(1);

        new Select(driver.findElement(By.id("crosstab-row"))).selectByValue("Q1");
        new Select(driver.findElement(By.id("crosstab-column"))).selectByValue("attribute:city");
        driver.findElement(By.id("crosstab-show")).click();
        WebElement cell = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#crosstab-table tr[data-row='yes'] td[data-column='Moscow']")));
        assertThat(cell.getText()).isEqualTo("2");
        assertThat(driver.findElement(By.cssSelector("#crosstab-table tr[data-row='no'] td[data-column='Kazan']")).getText())
                .isEqualTo("1");
        assertThat(text("crosstab-total")).isEqualTo("3");
        driver.executeScript("document.getElementById('result-Q1').scrollIntoView()");
        browser.screenshot("marketer-survey-results");

        driver.findElement(By.id("export-csv")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("export-message"),
                "survey-" + id + "-responses.csv"));
        assertThat(driver.findElement(By.cssSelector("#export-progress progress")).getAttribute("value")).isEqualTo("100");

        // the filters reach the server: nobody finished an interview on a day long past
        setValue("results-from", "2020-01-01");
        setValue("results-to", "2020-01-02");
        driver.findElement(By.id("results-show")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#results-summary dd[data-figure='completes']"), "0"));

        // the list shows the survey live with its completes
        driver.findElement(By.cssSelector("header nav a[data-key='surveys']")).click();
        By listed = By.cssSelector("#surveys-table tr[data-id='" + id + "']");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#surveys-table tr[data-id='" + id + "'] td.completes"), "3"));
        assertThat(driver.findElement(listed).getText()).contains(title, surveyCampaign, "v1: live");

        // editing the live survey drafts version 2; version 1 stays readable as it was written
        driver.findElement(listed).findElement(By.className("survey-open")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("survey-edit"))).click();
        WebElement firstText = question(0).findElement(By.className("q-text"));
        type(firstText, "Have you heard of us?");
        driver.findElement(By.id("survey-save")).click();
        assertThat(text("survey-saved")).isEqualTo("Saved: version 2, draft.");
        assertThat(text("survey-state")).isEqualTo("Version 2: draft — version 1 is live");
        driver.findElement(By.id("survey-show-live")).click();
        String live = text("survey-version-1");
        assertThat(live).contains("Version 1 (live), read-only", "Q1. Do you know <i>us</i>?", "No (no) → then Q3",
                "Q2. What do you like about us? — Free text (optional)", "from 0 to 10");
        JsonPath drafted = asMarketer().get("/api/surveys/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(drafted.getInt("versionNumber")).isEqualTo(2);
        assertThat(drafted.getInt("liveVersion")).isEqualTo(1);
        assertThat(drafted.getString("questions[0].text")).isEqualTo("Have you heard of us?");
    }

    @Test
    void aMarketerWritesAnEventAndAnEventRuleTheApiReturns() throws IOException {
        String afterSales = unique("AS").toUpperCase();
        admin().body(Map.of("code", afterSales, "name", "Loyalty " + afterSales, "type", "AFTER_SALES", "clientId", client,
                "operators", List.of(operator))).post("/api/campaigns").then().statusCode(201);
        browser.signInAs(marketer);
        driver.findElement(By.cssSelector("header nav a[data-key='aftersales']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("as-rules")));

        driver.findElement(By.id("as-tab-events")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("event-new"))).click();
        String eventName = "Expo <script>alert(1)</script> " + unique("e");
        type(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("event-name"))), eventName);
        setValue("event-date", "2027-03-10");
        setValue("event-invite-until", "2027-03-11");
        type(driver.findElement(By.id("event-place")), "Hall 1");
        driver.findElement(By.id("event-save")).click();
        // invitations after the event are refused, next to the field
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("event-err-inviteUntil")));
        assertThat(driver.findElement(By.id("event-err-inviteUntil")).getText()).isNotBlank();
        setValue("event-invite-until", "2027-03-01");
        driver.findElement(By.id("event-save")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("event-saved")));
        JsonPath events = asMarketer().queryParam("size", 500).get("/api/aftersales/events").then().statusCode(200)
                .extract().jsonPath();
        long eventId = events.getLong("items.find { it.name == '" + eventName.replace("'", "\\'") + "' }.id");
        assertThat(events.getString("items.find { it.id == " + eventId + " }.inviteUntil")).isEqualTo("2027-03-01");
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#events-table tr[data-id='" + eventId + "']")));
        assertThat(row.findElement(By.tagName("th")).getText()).isEqualTo(eventName);
        assertThat(row.getText()).contains("Mar 10, 2027", "Hall 1");
        row.findElement(By.className("event-attendees")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attendees-empty")));
        browser.screenshot("marketer-aftersales-events");

        driver.findElement(By.id("as-tab-rules")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("rule-new"))).click();
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rule-type")))).selectByValue("EVENT");
        assertThat(driver.findElement(By.id("rule-holiday")).isDisplayed()).isFalse();
        String ruleName = unique("Invite to the expo");
        type(driver.findElement(By.id("rule-name")), ruleName);
        type(driver.findElement(By.id("rule-days-before")), "7");
        new Select(driver.findElement(By.id("rule-event"))).selectByValue(String.valueOf(eventId));
        type(driver.findElement(By.id("rule-tag")), "vip");
        driver.findElement(By.id("rule-with-offer")).click();
        new Select(driver.findElement(By.id("rule-offer-kind"))).selectByValue("GIFT");
        type(driver.findElement(By.id("rule-offer-value")), "a mug");
        type(driver.findElement(By.id("rule-offer-days")), "30");
        driver.findElement(By.id("rule-script")).sendKeys("You are invited to our stand.");
        // no campaign chosen yet: the server's reason shows at the campaign field
        driver.findElement(By.id("rule-save")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rule-err-campaign"))).getText())
                .contains("AFTER_SALES");
        assertThat(driver.findElement(By.id("rule-campaign")).getAttribute("aria-invalid")).isEqualTo("true");
        new Select(driver.findElement(By.id("rule-campaign"))).selectByValue(afterSales);
        driver.findElement(By.id("rule-save")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rule-saved")));

        JsonPath rules = asMarketer().queryParam("campaign", afterSales).get("/api/aftersales/rules").then().statusCode(200)
                .extract().jsonPath();
        assertThat(rules.getList("items")).hasSize(1);
        assertThat(rules.getString("items[0].name")).isEqualTo(ruleName);
        assertThat(rules.getString("items[0].type")).isEqualTo("EVENT");
        assertThat(rules.getLong("items[0].eventId")).isEqualTo(eventId);
        assertThat(rules.getInt("items[0].daysBefore")).isEqualTo(7);
        assertThat(rules.getString("items[0].audience.tag")).isEqualTo("vip");
        assertThat(rules.getString("items[0].offer.kind")).isEqualTo("GIFT");
        assertThat(rules.getString("items[0].offer.value")).isEqualTo("a mug");
        assertThat(rules.getInt("items[0].offer.validDays")).isEqualTo(30);
        assertThat(rules.getString("items[0].script")).isEqualTo("You are invited to our stand.");
        long ruleId = rules.getLong("items[0].id");
        WebElement ruleRow = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#rules-table tr[data-id='" + ruleId + "']")));
        assertThat(ruleRow.getText()).contains(ruleName, "Event invitation", afterSales, "7 d before event #" + eventId,
                "Gift: a mug, 30 d");
        browser.screenshot("marketer-aftersales-rules");

        // edited in the same form: the version read goes along
        ruleRow.findElement(By.className("rule-edit")).click();
        type(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rule-days-before"))), "5");
        driver.findElement(By.id("rule-save")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rule-saved")));
        assertThat(asMarketer().get("/api/aftersales/rules/" + ruleId).then().statusCode(200).extract().jsonPath()
                .getInt("daysBefore")).isEqualTo(5);

        // the report counts every active rule, with zeros before it made a task; the task list filters by rule
        driver.findElement(By.id("as-tab-report")).click();
        WebElement reported = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#asr-table tr[data-rule='" + ruleId + "']")));
        assertThat(reported.findElement(By.cssSelector("td[data-column='tasks']")).getText()).isEqualTo("0");
        driver.findElement(By.id("as-tab-tasks")).click();
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#tasks-rule option[value='" + ruleId + "']"))).findElement(By.xpath(".."))).selectByValue(String.valueOf(ruleId));
        driver.findElement(By.id("tasks-show")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tasks-empty")));

        // the generation's settings: read-only for a marketer, no "generate now"
        driver.findElement(By.id("as-tab-settings")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("as-settings-readonly")));
        assertThat(driver.findElement(By.id("as-generation-time")).isEnabled()).isFalse();
        assertThat(driver.findElements(By.id("as-generate"))).isEmpty();
    }

    @Test
    void anOperatorHasNoMarketingScreensAndOnlyAnAdminMayGenerateNow() throws IOException {
        long survey = asMarketer().body(Map.of("title", "Quick", "questions", List.of(Map.of("code", "Q1", "text", "OK?",
                "kind", "SINGLE", "options", List.of(Map.of("code", "y", "text", "Yes"), Map.of("code", "n", "text", "No"))))))
                .post("/api/surveys").then().statusCode(201).extract().jsonPath().getLong("id");
        browser.signInAs(operator);
        assertThat(navigationKeys()).isNotEmpty().doesNotContain("surveys", "aftersales");
        driver.get(Api.BASE + "/#/surveys/" + survey);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
        wait.until(d -> !String.valueOf(d.getCurrentUrl()).contains("#/surveys"));
        assertThat(driver.findElements(By.id("survey-builder"))).isEmpty();
        RequestSpecification op = as(operator, operator + "-pw");
        assertThat(op.get("/api/surveys/" + survey + "/results").statusCode()).isEqualTo(403);
        assertThat(as(operator, operator + "-pw").body(Map.of("title", "Mine")).post("/api/surveys").statusCode())
                .isEqualTo(403);
        assertThat(as(operator, operator + "-pw").get("/api/aftersales/report?from=2026-01-01&to=2026-01-31")
                .statusCode()).isEqualTo(403);
        driver.findElement(By.id("logout")).click();

        String administrator = unique("uimkadm");
        createUser(administrator, List.of("ADMIN"), null, null);
        browser.signInAs(administrator);
        assertThat(navigationKeys()).contains("aftersales");
        driver.get(Api.BASE + "/#/aftersales/settings");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("as-generate"))).isEnabled()).isTrue();
        assertThat(driver.findElement(By.id("as-generation-time")).isEnabled()).isTrue();
        assertThat(driver.findElement(By.id("as-settings-save")).isDisplayed()).isTrue();
        // in Russian too
        driver.findElement(By.id("lang")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("as-generate"))).getText())
                .isEqualTo("Создать задания сейчас");
        assertThat(text("as-tab-rules")).isEqualTo("Правила");
        browser.screenshot("marketer-aftersales-settings-ru");
        driver.executeScript("localStorage.setItem('switchboard.lang', 'en');");
    }
}
