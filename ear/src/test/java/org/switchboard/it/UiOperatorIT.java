package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.unique;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The operator's screens in a real Chromium (skipped where it is not installed): a branched survey interview on
 * the next call, a meeting booked from the next call and an overlapping one refused with the existing meeting
 * shown, the info e-mail with a chosen template, an interested contact's lead, the figures of the day against the
 * plan, and the inbound panel logging a lead, a meeting request and the info e-mail in one go. What the server
 * stored is read back over the API. The server's clock is moved into calling hours and reset afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class UiOperatorIT extends BrowserTest {

    private static final Random RANDOM = new Random();
    private static final String DAY = "2026-12-01";


    private String operator;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @BeforeEach
    void operatorInCallingHours() {
        operator = unique("uiop");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        clock(DAY + "T12:00:00+03:00");
    }

    @AfterEach
    void realTime() {
        admin().body(Map.of()).put("/api/system/clock").then().statusCode(200);
    }

    private static void clock(String offsetDateTime) {
        admin().body(Map.of("now", offsetDateTime)).put("/api/system/clock").then().statusCode(200);
    }

    private void signedIn() {
        Browser.assumeInstalled();
        browser.signedOutInEnglish();
        browser.signInAs(operator);
    }

    private static String moscowNumber() {
        return "+7495" + (1_000_000 + RANDOM.nextInt(8_999_999));
    }

    private static long contact(String name, String email) {
        Map<String, Object> body = new HashMap<>(Map.of("fullName", name, "phones", List.of(Map.of("number", moscowNumber()))));
        if (email != null) {
            body.put("emails", List.of(email));
        }
        return admin().body(body).post("/api/contacts").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A campaign of the type with the operator on it and the contacts on its list: {id, code}. */
    private Map<String, Object> campaign(String type, List<Long> contacts) {
        long client = createClient(unique("UI Op Client"));
        String code = unique("UIOP").toUpperCase();
        long id = admin().body(Map.of("code", code, "name", "Operator " + code, "type", type, "clientId", client,
                "operators", List.of(operator))).post("/api/campaigns").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        if (!contacts.isEmpty()) {
            admin().body(Map.of("contactIds", contacts)).post("/api/campaigns/" + id + "/list").then().statusCode(200);
        }
        return Map.of("id", id, "code", code);
    }

    private static long template(long campaign, String name, String subject) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "subject", subject,
                "text", "Dear {{contact.fullName}}, here it is.", "active", true));
        return admin().body(body).post("/api/campaigns/" + campaign + "/templates").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** Opens the next call of the campaign and answers the contact's name shown. */
    private String nextCall(long campaign) {
        if (!driver.getCurrentUrl().endsWith("#/calls/next")) {
            driver.get(Api.BASE + "/#/calls/next");
        }
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("next-campaign"))))
                .selectByValue(String.valueOf(campaign));
        List<WebElement> shown = driver.findElements(By.id("next-name"));
        driver.findElement(By.id("next-call")).click();
        if (!shown.isEmpty()) {
            wait.until(ExpectedConditions.stalenessOf(shown.get(0)));
        }
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("next-name"))).getText();
    }

    private static void setValue(String id, String value) {
        driver.executeScript("const e = document.getElementById(arguments[0]); e.value = arguments[1];"
                + " e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));",
                id, value);
    }

    private static WebElement textIn(String id) {
        return wait.until(d -> {
            WebElement e = d.findElement(By.id(id));
            return e.getText().isBlank() ? null : e;
        });
    }

    private static long number(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        assertThat(m.find()).as("'%s' in '%s'", pattern, text).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String figure(String name) {
        return driver.findElement(By.cssSelector("#myday-figures td[data-figure='" + name + "']")).getText();
    }

    private static Map<String, Object> question(String code, String kind, Object... more) {
        Map<String, Object> q = new HashMap<>(Map.of("code", code, "text", "Question " + code, "kind", kind));
        for (int i = 0; i < more.length; i += 2) {
            q.put((String) more[i], more[i + 1]);
        }
        return q;
    }

    private static List<Map<String, String>> options(String... codes) {
        List<Map<String, String>> list = new ArrayList<>();
        for (String code : codes) {
            list.add(Map.of("code", code, "text", "Answer " + code));
        }
        return list;
    }

    @Test
    void aBranchedSurveyInterviewIsCompletedOnTheNextCall() throws IOException {
        long contact = contact("Galina Petrova", null);
        Map<String, Object> campaign = campaign("SURVEY", List.of(contact));
        // Q1 "no" skips to Q4; Q4 is a required 0–10 scale; Q5 free text
        long survey = admin().body(Map.of("title", "Service mood", "intro", "Good afternoon! Two minutes of your time?",
                "campaign", campaign.get("code"), "questions", List.of(
                        question("Q1", "SINGLE", "options", options("yes", "no"), "branches",
                                List.of(Map.of("answer", "no", "goTo", "Q4"))),
                        question("Q2", "NUMBER", "min", 1, "max", 100),
                        question("Q3", "MULTIPLE", "required", false, "options", options("a", "b")),
                        question("Q4", "SCALE", "min", 0, "max", 10),
                        question("Q5", "TEXT", "required", false))))
                .post("/api/surveys").then().statusCode(201).extract().jsonPath().getLong("id");
        admin().post("/api/surveys/" + survey + "/publish").then().statusCode(200);

        signedIn();
        assertThat(nextCall((Long) campaign.get("id"))).isEqualTo("Galina Petrova");
        assertThat(driver.findElement(By.id("survey-title")).getText()).isEqualTo("Survey: Service mood");
        assertThat(driver.findElement(By.id("survey-intro")).getText()).isEqualTo("Good afternoon! Two minutes of your time?");
        driver.findElement(By.id("survey-start")).click();

        WebElement q1 = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#survey-question[data-code='Q1']")));
        assertThat(q1.getAttribute("data-kind")).isEqualTo("SINGLE");
        assertThat(driver.findElement(By.id("survey-text")).getText()).isEqualTo("Question Q1");
        long response = Long.parseLong(q1.getAttribute("data-response"));
        // by keyboard: the first option has the focus, the arrow moves to "no", Tab reaches the button
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("survey-Q1-yes");
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        assertThat(driver.findElement(By.id("survey-Q1-no")).isSelected()).isTrue();
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("survey-next");
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);

        // the server's branching: "no" goes straight to Q4, a scale of radio buttons 0..10
        WebElement q4 = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#survey-question[data-code='Q4']")));
        assertThat(q4.findElements(By.cssSelector("input[type=radio]"))).hasSize(11);
        // nothing chosen: the server's reason shows next to the question
        driver.findElement(By.id("survey-next")).click();
        assertThat(textIn("survey-error").getText()).isEqualTo("The answer is required: this question must be answered.");
        browser.screenshot("operator-survey");
        driver.findElement(By.id("survey-Q4-9")).click();
        driver.findElement(By.id("survey-next")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#survey-question[data-code='Q5']")));
        driver.findElement(By.id("survey-value")).sendKeys("<script>alert(1)</script> likes the service");
        driver.findElement(By.id("survey-next")).click();
        WebElement complete = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("survey-complete")));
        assertThat(complete.getText()).isEqualTo("The interview is complete. Record the outcome below.");
        assertThat(driver.findElement(By.id("survey-answers")).getAttribute("textContent"))
                .contains("Question Q1: no", "Question Q4: 9", "<script>alert(1)</script> likes the service");

        JsonPath stored = admin().get("/api/responses/" + response).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getString("state")).isEqualTo("COMPLETE");
        assertThat(stored.getLong("contactId")).isEqualTo(contact);
        assertThat(stored.getString("operator")).isEqualTo(operator);
        assertThat(stored.getList("answers.question")).containsExactly("Q1", "Q4", "Q5");
        assertThat(stored.getList("answers.value")).containsExactly("no", "9", "<script>alert(1)</script> likes the service");

        // the interview over, the COMPLETED outcome is the one offered
        WebElement completed = driver.findElement(By.cssSelector("#next-outcome button[data-outcome='COMPLETED']"));
        assertThat(completed.getAttribute("class")).contains("suggested");
        completed.click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("next-done"))).getText())
                .isEqualTo("Recorded: Completed.");
        assertThat(admin().get("/api/campaigns/" + campaign.get("id") + "/list").then().statusCode(200).extract()
                .jsonPath().getString("entries.items[0].lastOutcome")).isEqualTo("COMPLETED");
    }

    @Test
    void aMeetingIsBookedFromTheNextCallAndAnOverlappingOneShowsTheExistingMeeting() throws IOException {
        String manager = unique("uimgr");
        createUser(manager, List.of("SUPERVISOR"), null, null);
        long first = contact("Dmitry Volkov", null);
        long second = contact("Elena Sokolova", null);
        Map<String, Object> campaign = campaign("OUTBOUND", List.of(first, second));
        long campaignId = (Long) campaign.get("id");

        signedIn();
        String name = nextCall(campaignId);
        long booked = name.equals("Dmitry Volkov") ? first : second;
        driver.findElement(By.cssSelector("#next-outcome button[data-outcome='MEETING']")).click();
        WebElement managers = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#meeting-manager option[value='" + manager + "']")));
        assertThat(managers.getText()).isEqualTo("Test " + manager + " (" + manager + ")");
        new Select(driver.findElement(By.id("meeting-manager"))).selectByValue(manager);
        setValue("meeting-start", "2026-12-02T10:00");
        // the end follows the start: an hour by default
        assertThat(driver.findElement(By.id("meeting-end")).getAttribute("value")).isEqualTo("2026-12-02T11:00");
        driver.findElement(By.id("meeting-place")).sendKeys("Nevsky 1, office 5");
        driver.findElement(By.id("outcome-confirm")).click();
        String done = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("next-done"))).getText();
        long meeting = number(done, "^Recorded: Meeting — meeting #(\\d+) booked\\.$");

        Instant start = Instant.parse((String) driver.executeScript("return new Date('2026-12-02T10:00').toISOString();"));
        JsonPath meetings = admin().get("/api/meetings?manager=" + manager).then().statusCode(200).extract().jsonPath();
        assertThat(meetings.getList("items.id", Long.class)).containsExactly(meeting);
        assertThat(meetings.getLong("items[0].contactId")).isEqualTo(booked);
        assertThat(Instant.parse(meetings.getString("items[0].start"))).isEqualTo(start);
        assertThat(Instant.parse(meetings.getString("items[0].end"))).isEqualTo(start.plusSeconds(3600));
        assertThat(meetings.getString("items[0].place")).isEqualTo("Nevsky 1, office 5");
        assertThat(meetings.getString("items[0].bookedBy")).isEqualTo(operator);

        // the other contact, the same manager half an hour later: refused, the existing meeting named
        assertThat(nextCall(campaignId)).isNotEqualTo(name);
        driver.findElement(By.cssSelector("#next-outcome button[data-outcome='MEETING']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#meeting-manager option[value='" + manager + "']")));
        new Select(driver.findElement(By.id("meeting-manager"))).selectByValue(manager);
        setValue("meeting-start", "2026-12-02T10:30");
        driver.findElement(By.id("outcome-confirm")).click();
        String conflict = textIn("outcome-conflict").getText();
        assertThat(conflict).startsWith("Test " + manager + " (" + manager + ") already has a meeting from ")
                .endsWith("(meeting #" + meeting + "). Choose another time or manager.");
        assertThat(driver.findElement(By.id("outcome-message")).getText()).contains("already has meeting " + meeting);
        browser.screenshot("operator-next-meeting");
        assertThat(driver.findElements(By.id("next-done"))).isEmpty();
        assertThat(admin().get("/api/meetings?manager=" + manager).then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class)).containsExactly(meeting);

        // the refused booking left the entry to wrap up otherwise: this contact asks not to be called, confirmed first
        String number = driver.findElement(By.cssSelector("#next-number .phone")).getAttribute("data-phone");
        driver.findElement(By.cssSelector("#next-outcome button[data-outcome='DNC_REQUEST']")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dnc-confirm"))).getText())
                .endsWith("This number will never be offered again, in any campaign. Record the request not to call?");
        assertThat(admin().get("/api/dnc/check?number=" + number).then().statusCode(200).extract().jsonPath()
                .getBoolean("mayCall")).isTrue();
        driver.findElement(By.id("outcome-confirm")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("next-done"))).getText())
                .isEqualTo("Recorded: Do not call.");
        assertThat(admin().get("/api/dnc/check?number=" + number).then().statusCode(200).extract().jsonPath()
                .getBoolean("mayCall")).isFalse();
    }

    @Test
    void sendInfoQueuesTheChosenTemplateInterestedCreatesTheLeadAndTheDayShowsTheFigures() throws IOException {
        String email = unique("galina").toLowerCase() + "@example.com";
        long withMail = contact("Irina Lebedeva", email);
        Map<String, Object> info = campaign("OUTBOUND", List.of(withMail));
        long infoCampaign = (Long) info.get("id");
        // two active templates and none the default: only the operator's choice says which one goes
        template(infoCampaign, "Price list", "Prices for {{contact.fullName}}");
        template(infoCampaign, "Brochure", "Our brochure for {{contact.fullName}}");
        long interested = contact("Kirill Morozov", null);
        long leadCampaign = (Long) campaign("OUTBOUND", List.of(interested)).get("id");
        Map<String, Object> pool = campaign("OUTBOUND", List.of(contact("Lev Popov", null)));
        long poolCampaign = (Long) pool.get("id");
        admin().body(List.of(Map.of("operator", operator, "from", DAY, "to", DAY, "calls", 10, "leads", 2)))
                .post("/api/plans").then().statusCode(200);

        signedIn();
        assertThat(nextCall(infoCampaign)).isEqualTo("Irina Lebedeva");
        driver.findElement(By.cssSelector("#next-outcome button[data-outcome='SEND_INFO']")).click();
        wait.until(d -> new Select(d.findElement(By.id("info-template"))).getOptions().size() == 2);
        new Select(driver.findElement(By.id("info-template"))).selectByVisibleText("Brochure");
        wait.until(ExpectedConditions.attributeToBe(By.id("info-email"), "value", email));
        driver.findElement(By.id("outcome-confirm")).click();
        String sent = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("next-done"))).getText();
        long mail = number(sent, "^Recorded: Send info — e-mail #(\\d+) queued\\.$");
        JsonPath queued = admin().get("/api/outbox/" + mail).then().statusCode(200).extract().jsonPath();
        assertThat(queued.getString("subject")).isEqualTo("Our brochure for Irina Lebedeva");
        assertThat(queued.getList("to")).containsExactly(email);
        assertThat(queued.getString("category")).isEqualTo("info");

        assertThat(nextCall(leadCampaign)).isEqualTo("Kirill Morozov");
        driver.findElement(By.cssSelector("#next-outcome button[data-outcome='INTERESTED']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lead-value"))).sendKeys("2500");
        driver.findElement(By.id("outcome-confirm")).click();
        String recorded = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("next-done"))).getText();
        long lead = number(recorded, "^Recorded: Interested — lead #(\\d+) created\\.$");
        JsonPath stored = admin().get("/api/leads/" + lead).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getLong("contactId")).isEqualTo(interested);
        assertThat(stored.getString("operator")).isEqualTo(operator);
        assertThat(stored.getDouble("estimatedValue")).isEqualTo(2500.0);

        // a callback in the contact's local time, given to the pool: any operator of the campaign may take it
        assertThat(nextCall(poolCampaign)).isEqualTo("Lev Popov");
        setValue("outcome-callback-at", DAY + "T18:30");
        driver.findElement(By.id("outcome-callback-pool")).click();
        driver.findElement(By.id("outcome-callback")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("next-done"))).getText())
                .isEqualTo("Recorded: Callback.");
        JsonPath callbacks = admin().get("/api/callbacks?campaign=" + poolCampaign + "&due=" + DAY).then().statusCode(200)
                .extract().jsonPath();
        assertThat(callbacks.getList("items")).hasSize(1);
        assertThat(callbacks.getString("items[0].owner")).isNull();
        assertThat(callbacks.getBoolean("items[0].pool")).isTrue();
        assertThat(callbacks.getString("items[0].dueLocal")).isEqualTo(DAY + "T18:30:00+03:00");

        // the panel beside the next call: three calls, one lead, against a plan of ten calls
        wait.until(d -> figure("calls").equals("3"));
        assertThat(figure("leads")).isEqualTo("1");
        assertThat(figure("plan")).isEqualTo("10");
        assertThat(figure("planPercent")).isEqualTo("0 %");

        driver.get(Api.BASE + "/#/my-day");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav a[data-key='myday'][aria-current='page']")));
        wait.until(d -> !d.findElements(By.cssSelector("#myday-figures td[data-figure='calls']")).isEmpty()
                && figure("calls").equals("3"));
        assertThat(driver.findElement(By.id("myday-heading")).getText()).isEqualTo("My figures, Dec 1, 2026");
        assertThat(figure("counted")).isEqualTo("0");
        assertThat(figure("leads")).isEqualTo("1");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("myday-callbacks-count"))).getText())
                .isEqualTo("0 due today, 0 overdue.");
        assertThat(driver.findElement(By.id("myday-callbacks-pool")).getText()).startsWith("In the pool (any operator): ")
                .doesNotEndWith(": 0.");
        browser.screenshot("operator-my-day");

        // the same screen in Russian
        driver.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Мой день"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("myday-heading"), "Мои показатели"));
        assertThat(driver.findElement(By.cssSelector("#myday-figures tbody")).getText()).contains("Звонки", "Выполнение плана");
    }

    @Test
    void theInboundPanelLogsALeadAMeetingRequestAndTheInfoMailInOneGo() throws IOException {
        Map<String, Object> campaign = campaign("INBOUND_AD", List.of());
        template((Long) campaign.get("id"), "Welcome", "Welcome, {{contact.fullName}}");
        String number = moscowNumber();
        String email = unique("caller").toLowerCase() + "@example.com";
        String hostile = "<script>alert(1)</script>";

        signedIn();
        driver.get(Api.BASE + "/#/calls/inbound");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inbound-number"))).sendKeys(number, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inbound-contact-name"))).sendKeys(hostile);
        new Select(driver.findElement(By.id("inbound-campaign"))).selectByValue((String) campaign.get("code"));
        driver.findElement(By.id("inbound-notes")).sendKeys("Saw the ad on TV");
        driver.findElement(By.id("inbound-lead")).click();
        driver.findElement(By.id("inbound-lead-value")).sendKeys("1200");
        assertThat(driver.findElement(By.id("inbound-meeting-at")).isDisplayed()).isFalse();
        driver.findElement(By.id("inbound-meeting")).click();
        setValue("inbound-meeting-at", "2026-12-03T15:00");
        driver.findElement(By.id("inbound-meeting-note")).sendKeys("Wants a demo");
        driver.findElement(By.id("inbound-info")).click();
        driver.findElement(By.id("inbound-email")).sendKeys(email);
        driver.findElement(By.id("inbound-save")).click();

        String done = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inbound-done"))).getText();
        long lead = number(done, "lead #(\\d+) created");
        long mail = number(done, "Info e-mail #(\\d+) queued to " + Pattern.quote(email));
        assertThat(done).contains("New contact registered.", "Meeting requested for");
        // the caller registered under the name typed, shown as text
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-name"))).getText()).isEqualTo(hostile);
        assertThat(driver.findElements(By.cssSelector("#contact script"))).isEmpty();
        browser.screenshot("operator-inbound");

        JsonPath contacts = admin().get("/api/contacts?phone=" + number).then().statusCode(200).extract().jsonPath();
        assertThat(contacts.getString("items[0].fullName")).isEqualTo(hostile);
        long contact = contacts.getLong("items[0].id");
        JsonPath call = admin().get("/api/calls?contactId=" + contact).then().statusCode(200).extract().jsonPath();
        assertThat(call.getString("items[0].notes")).isEqualTo("Saw the ad on TV");
        assertThat(call.getBoolean("items[0].requests.lead")).isTrue();
        assertThat(call.getString("items[0].requests.meetingNote")).isEqualTo("Wants a demo");
        assertThat(Instant.parse(call.getString("items[0].requests.meetingAt"))).isEqualTo(Instant.parse(
                (String) driver.executeScript("return new Date('2026-12-03T15:00').toISOString();")));
        assertThat(call.getString("items[0].requests.infoEmail")).isEqualTo(email);
        assertThat(admin().get("/api/leads/" + lead).then().statusCode(200).extract().jsonPath().getDouble("estimatedValue"))
                .isEqualTo(1200.0);
        assertThat(admin().get("/api/outbox/" + mail).then().statusCode(200).extract().jsonPath().getString("subject"))
                .isEqualTo("Welcome, " + hostile);
    }

    @Test
    void anAfterSalesCallShowsTheOccasionTheOfferAndTheRulesScript() throws IOException {
        String tag = unique("uiop-birthday");
        long contact = admin().body(Map.of("fullName", "Nina Belova", "tags", List.of(tag), "birthday", "1980-12-01",
                "phones", List.of(Map.of("number", moscowNumber())))).post("/api/contacts").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Map<String, Object> campaign = campaign("AFTER_SALES", List.of());
        String ruleName = unique("Birthday");
        long rule = admin().body(Map.of("type", "BIRTHDAY", "name", ruleName, "campaign", campaign.get("code"),
                "daysBefore", 0, "audience", Map.of("tag", tag), "script", "Happy birthday! A discount for you.",
                "offer", Map.of("kind", "DISCOUNT", "value", "10", "validDays", 10)))
                .post("/api/aftersales/rules").then().statusCode(201).extract().jsonPath().getLong("id");
        admin().post("/api/aftersales/generate?date=" + DAY).then().statusCode(200);
        JsonPath task = admin().get("/api/aftersales/tasks?rule=" + rule).then().statusCode(200).extract().jsonPath();
        assertThat(task.getLong("items[0].contactId")).isEqualTo(contact);
        String code = task.getString("items[0].offerCode");

        signedIn();
        assertThat(nextCall((Long) campaign.get("id"))).isEqualTo("Nina Belova");
        WebElement occasion = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("aftersales-occasion")));
        assertThat(occasion.getText()).isEqualTo("Birthday — " + ruleName);
        assertThat(driver.findElement(By.id("aftersales-offer")).getText()).isEqualTo("Discount 10 %");
        assertThat(driver.findElement(By.id("aftersales-offer-code")).getText()).isEqualTo(code);
        assertThat(driver.findElement(By.id("aftersales-valid-until")).getText()).isEqualTo("Dec 11, 2026");
        assertThat(driver.findElement(By.id("aftersales-script")).getText()).isEqualTo("Happy birthday! A discount for you.");
        assertThat(driver.findElements(By.cssSelector("#next-outcome button[data-outcome]")).stream()
                .map(b -> b.getAttribute("data-outcome")).toList())
                .containsExactly("REACHED", "ACCEPTED", "DECLINED", "NOT_REACHED", "BUSY", "WRONG_NUMBER", "DNC_REQUEST",
                        "CALLBACK");
        browser.screenshot("operator-aftersales");

        driver.findElement(By.cssSelector("#next-outcome button[data-outcome='ACCEPTED']")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("next-done"))).getText())
                .isEqualTo("Recorded: Accepted.");
        assertThat(admin().get("/api/aftersales/tasks?rule=" + rule).then().statusCode(200).extract().jsonPath()
                .getString("items[0].state")).isEqualTo("ACCEPTED");
    }

    /** The API the screens added: today's own figures, the managers to book with, the chosen info template. */
    @Test
    void theOperatorReadsOwnFiguresOfTodayTheManagersAndSendsOnlyAnActiveTemplateOfTheCampaign() {
        String password = operator + "-pw";
        long contact = contact("Oleg Kuznetsov", "oleg@example.com");
        long campaign = (Long) campaign("OUTBOUND", List.of(contact)).get("id");
        long inactive = admin().body(Map.of("name", "Old prices", "subject", "Old", "text", "Old", "active", false))
                .post("/api/campaigns/" + campaign + "/templates").then().statusCode(201).extract().jsonPath().getLong("id");
        long foreign = template((Long) campaign("OUTBOUND", List.of()).get("id"), "Foreign", "Foreign");
        long entry = as(operator, password).post("/api/campaigns/" + campaign + "/next").then().statusCode(200)
                .extract().jsonPath().getLong("id");
        String outcome = "/api/campaigns/" + campaign + "/entries/" + entry + "/outcome";
        as(operator, password).body(Map.of("outcome", "SEND_INFO", "templateId", inactive)).post(outcome).then()
                .statusCode(400).contentType(Api.PROBLEM_JSON)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("templateId"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString("inactive"));
        as(operator, password).body(Map.of("outcome", "SEND_INFO", "templateId", foreign)).post(outcome).then()
                .statusCode(400).body("violations[0].field", org.hamcrest.Matchers.equalTo("templateId"));
        as(operator, password).body(Map.of("outcome", "NOT_INTERESTED")).post(outcome).then().statusCode(200);

        // from=today&to=today is the call-centre day by the server's clock; an operator reads only their own row
        JsonPath today = as(operator, password).get("/api/reports/operator-days?from=today&to=today").then()
                .statusCode(200).extract().jsonPath();
        assertThat(today.getList("date")).containsExactly(DAY);
        assertThat(today.getList("operator")).containsExactly(operator);
        assertThat(today.getInt("[0].calls")).isEqualTo(1);
        as(operator, password).get("/api/reports/operator-days?from=today&to=today&operator=admin").then().statusCode(403);
        as(operator, password).get("/api/reports/operator-days?from=yesterday&to=today").then().statusCode(400);

        String manager = unique("uimgr");
        createUser(manager, List.of("SUPERVISOR"), null, null);
        String marketer = unique("uimkt");
        createUser(marketer, List.of("MARKETER"), null, null);
        JsonPath managers = as(operator, password).get("/api/meetings/managers").then().statusCode(200).extract().jsonPath();
        assertThat(managers.getList("username")).contains(manager).doesNotContain(operator, marketer);
        assertThat(managers.getList("fullName")).contains("Test " + manager);
        as(marketer, marketer + "-pw").get("/api/meetings/managers").then().statusCode(403);
    }
}
