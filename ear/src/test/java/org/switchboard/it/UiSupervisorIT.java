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
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The supervisor's screens in a real Chromium: the operator-day report with its leads chart, totals, highlighted
 * anomalies and exports; a plan edited in the UI that the API stores and the report measures; an overdue callback
 * reassigned (and a stale version refused) and cancelled on the board; a meeting found in its week and cancelled;
 * and a client's user who sees only its own client's anomalies. Data set up over the API; skipped without Chromium.
 */
@ExtendWith(ArquillianExtension.class)
class UiSupervisorIT extends BrowserTest {

    private static final Random RANDOM = new Random();


    private String supervisor;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @BeforeEach
    void supervisorSignedOut() {
        Browser.assumeInstalled();
        supervisor = unique("uisv");
        createUser(supervisor, List.of("SUPERVISOR"), null, null);
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

    private static String operator(String prefix, String extension) {
        String name = unique(prefix);
        createUser(name, List.of("OPERATOR"), extension, null);
        return name;
    }

    private static String teamOperator(String prefix, String team) {
        String name = unique(prefix);
        admin().body(Map.of("username", name, "password", name + "-pw", "fullName", "Test " + name,
                "roles", List.of("OPERATOR"), "extension", freeExtension(), "team", team)).post("/api/users").then()
                .statusCode(201);
        return name;
    }

    /** Answered outbound calls of an operator's extension on a campaign, at 10:00, 10:30, … PBX time of day. */
    private static void calls(String campaign, String extension, LocalDate day, int... talkSeconds) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < talkSeconds.length; i++) {
            lines.add(CallsIT.cdr(campaign, extension, freeMobile().substring(1), "PJSIP/" + extension + "-0000s00" + i,
                    "PJSIP/trunk-0000s10" + i, "", day.atTime(10, 0).plusMinutes(30L * i), 3, talkSeconds[i],
                    "ANSWERED", unique("sv"), null));
        }
        admin().contentType("text/csv").body(String.join("\n", lines).getBytes(StandardCharsets.UTF_8))
                .post("/api/calls/import/asterisk").then().statusCode(200).body("imported", equalTo(talkSeconds.length));
    }

    /** A lead of the operator at 15:00 Moscow time of the day, tied to no call. */
    private static void lead(String campaign, String operator, LocalDate day) {
        Map<String, Object> body = new HashMap<>();
        body.put("contactId", createContact("Lead " + unique("c"), freeMobile()));
        body.put("campaign", campaign);
        body.put("operator", operator);
        body.put("createdAt", day + "T15:00:00+03:00");
        admin().body(body).post("/api/leads").then().statusCode(201);
    }

    /** Reporting counts from events: waits until the operator's day shows the figure over the API. */
    private static void awaitFigure(String operator, LocalDate day, String figure, int expected) {
        long until = System.currentTimeMillis() + 15_000;
        while (true) {
            List<Map<String, Object>> rows = admin().queryParam("from", day.toString()).queryParam("to", day.toString())
                    .queryParam("operator", operator).get("/api/reports/operator-days").then().statusCode(200)
                    .extract().jsonPath().getList("$");
            if (!rows.isEmpty() && ((Number) rows.get(0).get(figure)).intValue() == expected) {
                return;
            }
            assertThat(System.currentTimeMillis()).as("%s's %s on %s", operator, figure, day).isLessThan(until);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void setDates(String fromId, String toId, LocalDate from, LocalDate to) {
        driver.executeScript("document.getElementById(arguments[0]).value = arguments[2];"
                + "document.getElementById(arguments[1]).value = arguments[3];", fromId, toId, from.toString(), to.toString());
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private void type(String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private void awaitText(String id, String expected) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), expected));
    }

    /** Shows the operator-day report of a period and waits for the leads table of both operators. */
    private void showReport(LocalDate from, LocalDate to) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-from")));
        wait.until(d -> !d.findElements(By.cssSelector("#operator-days, #report-empty")).isEmpty());
        setDates("report-from", "report-to", from, to);
        driver.executeScript("document.getElementById('report-output').replaceChildren();");
        driver.findElement(By.id("report-show")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#operator-days, #report-empty")).isEmpty());
    }

    @Test
    void theReportChartsLeadsPerOperatorExportsAndMeasuresAPlanEditedInTheUi() throws IOException {
        LocalDate d1 = LocalDate.of(2026, 10, 12);
        LocalDate d2 = d1.plusDays(1);
        String campaign = createCampaign(createClient(unique("UI Sv Client")), "OUTBOUND");
        String extA = freeExtension();
        String extB = freeExtension();
        String opA = operator("uisva", extA);
        String opB = operator("uisvb", extB);
        calls(campaign, extA, d1, 30, 45);
        calls(campaign, extB, d1, 25);
        calls(campaign, extB, d2, 60);
        lead(campaign, opA, d1);
        lead(campaign, opA, d1);
        lead(campaign, opB, d2);
        String team = unique("Team");
        String member1 = teamOperator("uisvt", team);
        String member2 = teamOperator("uisvt", team);
        awaitFigure(opA, d1, "leads", 2);
        awaitFigure(opB, d2, "leads", 1);
        int minTalk = admin().get("/api/settings").then().statusCode(200).extract().jsonPath().getInt("minTalkSeconds");

        browser.signInAs(supervisor);
        driver.get(Api.BASE + "/#/reports");
        showReport(d1, d2);
        // the thresholds in force, then one row per operator in the leads figures, one column per day
        assertThat(text("#report-thresholds")).contains("Thresholds in force", "a call counts from " + minTalk + " s");
        By leadsA = By.cssSelector("#report-leads-table tr[data-operator='" + opA + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(leadsA));
        assertThat(text("#report-leads-table tr[data-operator='" + opA + "'] td[data-date='" + d1 + "']")).isEqualTo("2");
        assertThat(text("#report-leads-table tr[data-operator='" + opA + "'] td[data-date='" + d2 + "']")).isEqualTo("0");
        assertThat(text("#report-leads-table tr[data-operator='" + opB + "'] td[data-date='" + d1 + "']")).isEqualTo("0");
        assertThat(text("#report-leads-table tr[data-operator='" + opB + "'] td[data-date='" + d2 + "']")).isEqualTo("1");
        WebElement canvas = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#report-leads-chart canvas")));
        assertThat(canvas.getAttribute("role")).isEqualTo("img");
        assertThat(canvas.getAttribute("aria-label")).contains(opA + " 2", opB + " 1");
        wait.until(d -> (Boolean) driver.executeScript("return !!arguments[0].chartInstance"
                + " && arguments[0].chartInstance.data.datasets.length === 2", canvas));
        // totals per operator and for the centre
        assertThat(text("#report-totals-table tr[data-operator='" + opA + "'] td[data-column='counted']")).isEqualTo("2");
        assertThat(text("#report-totals-table tr[data-operator='" + opB + "'] td[data-column='days']")).isEqualTo("2");
        // the centre's line sums everyone's days in the period (other tests' too): as the API counts it
        int centreLeads = admin().queryParam("from", d1.toString()).queryParam("to", d2.toString())
                .get("/api/reports/operator-days/totals").then().statusCode(200).extract().jsonPath().getInt("centre.leads");
        assertThat(text("#report-totals-table tfoot td[data-column='leads']")).isEqualTo(String.valueOf(centreLeads));
        // leads without a call are an anomaly: the day is marked, its leads figure flagged, the reason in words
        WebElement dayA = driver.findElement(By.cssSelector("#operator-days tr[data-operator='" + opA + "'][data-date='" + d1 + "']"));
        assertThat(dayA.getAttribute("class")).isEqualTo("anomaly");
        assertThat(dayA.findElement(By.cssSelector("td[data-column='leads']")).getAttribute("class")).contains("flagged");
        assertThat(text("#anomalies")).contains("UNBACKED_LEADS", opA);
        assertThat(text("#report-anomalies tr[data-type='UNBACKED_LEADS'][data-operator='" + opA + "']"))
                .contains("Leads without a call", "2 of 2 leads are not tied to a counted call of the operator.");
        assertThat(driver.findElement(By.id("report-export-progress")).isDisplayed()).isFalse();
        driver.executeScript("document.getElementById('report-totals').scrollIntoView()");
        browser.screenshot("supervisor-report-chart");

        // both exports download with their progress
        driver.findElement(By.id("report-export-xlsx")).click();
        awaitText("report-export-progress", "Done.");
        driver.findElement(By.id("report-export-csv")).click();
        awaitText("report-export-progress", "Done.");

        // a plan: the server's message for a missing figure is shown by its field, then saved and edited
        driver.get(Api.BASE + "/#/reports/plans");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-form")));
        wait.until(d -> !d.findElements(By.cssSelector("#plans-table, #plans-empty")).isEmpty());
        // the list's period first: saving shows the list again for it
        setDates("plans-from", "plans-to", d1, d2);
        type("plan-operator", opA);
        setDates("plan-from", "plan-to", d1, d2);
        driver.findElement(By.id("plan-save")).click();
        awaitText("plan-error-calls", "is required");
        assertThat(text("#plan-error")).startsWith("The plan was not saved");
        type("plan-calls", "4");
        type("plan-leads", "1");
        driver.findElement(By.id("plan-save")).click();
        awaitText("plan-saved", "Saved: 2 plan days.");
        assertThat(driver.findElement(By.id("plan-error-calls")).getText()).isEmpty();
        By planRow = By.cssSelector("#plans-table tr[data-operator='" + opA + "'][data-from='" + d1 + "'][data-to='" + d2 + "']");
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(planRow));
        assertThat(row.findElement(By.cssSelector("td[data-column='calls']")).getText()).isEqualTo("4");
        row.findElement(By.cssSelector("button.plans-edit")).click();
        assertThat(driver.findElement(By.id("plan-calls")).getAttribute("value")).isEqualTo("4");
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("plan-calls");
        type("plan-calls", "5");
        driver.findElement(By.id("plan-save")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#plans-table tr[data-operator='" + opA + "'] td[data-column='calls']"), "5"));
        driver.executeScript("document.getElementById('plans-list').scrollIntoView({block: 'end'})");
        browser.screenshot("supervisor-plans");
        JsonPath plans = as(supervisor, supervisor + "-pw").queryParam("from", d1.toString()).queryParam("to", d2.toString())
                .queryParam("operator", opA).get("/api/plans").then().statusCode(200).extract().jsonPath();
        assertThat(plans.getList("calls", Integer.class)).containsExactly(5, 5);
        assertThat(plans.getList("leads", Integer.class)).containsExactly(1, 1);
        assertThat(plans.getList("setBy", String.class)).containsOnly(supervisor);

        // a team's plan is one entry per operator of the team, only on the weekdays ticked (12 Oct 2026 is a Monday)
        driver.findElement(By.id("plan-new")).click();
        driver.findElement(By.id("plan-for-team")).click();
        assertThat(driver.findElement(By.id("plan-operator")).isDisplayed()).isFalse();
        type("plan-team", "no-such-" + team);
        driver.findElement(By.id("plan-save")).click();
        awaitText("plan-error-team", "has no operators");
        type("plan-team", team);
        setDates("plan-from", "plan-to", d1, d2);
        driver.findElement(By.id("plan-day-MON")).click();
        type("plan-calls", "7");
        driver.findElement(By.id("plan-save")).click();
        awaitText("plan-saved", "Saved: 2 plan days.");
        List<Map<String, Object>> teamPlans = admin().queryParam("from", d1.toString()).queryParam("to", d2.toString())
                .get("/api/plans").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(teamPlans.stream().filter(p -> List.of(member1, member2).contains(p.get("operator")))
                .map(p -> p.get("operator") + " " + p.get("date") + " " + p.get("calls")))
                .containsExactlyInAnyOrder(member1 + " " + d1 + " 7", member2 + " " + d1 + " 7");

        // the report measures the day against it: 2 counted of 5 = 40 %, a plan miss flagged
        driver.get(Api.BASE + "/#/reports");
        showReport(d1, d1);
        WebElement plan = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#operator-days tr[data-operator='" + opA + "'] td[data-column='planPercent']")));
        assertThat(plan.getText()).isEqualTo("40 %");
        assertThat(plan.getAttribute("class")).contains("flagged");
        assertThat(text("#report-anomalies tr[data-type='PLAN_MISS'][data-operator='" + opA + "']"))
                .contains("Plan missed", "2 counted calls against a plan of 5 (40 %)");
    }

    /** An OUTBOUND campaign with the operators and a Moscow contact (a callback puts it on the list). */
    private static long[] campaignWithContact(List<String> operators) {
        long client = createClient(unique("UI Sv Cb"));
        String code = unique("UISVCB").toUpperCase();
        long campaign = admin().body(Map.of("code", code, "name", "Callbacks " + code, "type", "OUTBOUND",
                "clientId", client, "operators", operators)).post("/api/campaigns").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long contact = createContact("Callback contact", "+7495" + (1_000_000 + RANDOM.nextInt(8_999_999)));
        return new long[] {campaign, contact};
    }

    @Test
    void anOverdueCallbackIsMarkedReassignedOnlyWithAFreshVersionAndCancelledWithAReason() throws IOException {
        String opA = operator("uicba", freeExtension());
        String opB = operator("uicbb", freeExtension());
        long[] ids = campaignWithContact(List.of(opA, opB));
        clock("2026-12-01T12:00:00+03:00");
        long callback = admin().body(Map.of("campaignId", ids[0], "contactId", ids[1], "dueAt", "2026-12-01T13:00",
                "owner", opA, "note", "wants the <b>price</b> list")).post("/api/callbacks").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        clock("2026-12-01T16:00:00+03:00");

        browser.signInAs(supervisor);
        driver.get(Api.BASE + "/#/callbacks");
        // the supervisor's board, not the operator's list; narrowed to this campaign and to what is overdue
        Select campaign = new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cbb-campaign"))));
        wait.until(d -> campaign.getOptions().size() > 1);
        campaign.selectByValue(String.valueOf(ids[0]));
        driver.findElement(By.id("cbb-overdue")).click();
        driver.findElement(By.id("cbb-show")).click();
        By rowOf = By.cssSelector("#cbb-table tr[data-id='" + callback + "']");
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(rowOf));
        assertThat(driver.findElements(By.cssSelector("#cbb-table tbody tr"))).hasSize(1);
        assertThat(row.getAttribute("class")).isEqualTo("anomaly");
        assertThat(row.findElement(By.className("overdue")).getText()).isEqualTo("Overdue");
        assertThat(row.getText()).contains("2026-12-01 13:00", opA, "wants the <b>price</b> list");
        assertThat(text("#cbb-count")).isEqualTo("Callbacks: 1, overdue: 1.");
        browser.screenshot("supervisor-callbacks");

        // someone else changes it after the board was read: the board's version is stale, 409 shown
        row.findElement(By.className("cbb-reassign")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cbb-reassign-form")));
        long version = admin().get("/api/callbacks/" + callback).then().extract().jsonPath().getLong("version");
        admin().body(Map.of("owner", opA, "note", "changed meanwhile", "version", version))
                .put("/api/callbacks/" + callback).then().statusCode(200);
        type("cbb-new-owner", opB);
        driver.findElement(By.id("cbb-save")).click();
        awaitText("cbb-failed", "Someone changed this callback meanwhile");
        admin().get("/api/callbacks/" + callback).then().body("owner", equalTo(opA));

        // read again, it goes to the other operator and the board shows the new owner
        row = wait.until(ExpectedConditions.visibilityOfElementLocated(rowOf));
        assertThat(row.getText()).contains("changed meanwhile");
        row.findElement(By.className("cbb-reassign")).click();
        type("cbb-new-owner", opB);
        driver.findElement(By.id("cbb-save")).click();
        awaitText("cbb-done", "Callback #" + callback + ": owner " + opB);
        admin().get("/api/callbacks/" + callback).then().body("owner", equalTo(opB)).body("state", equalTo("OPEN"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(rowOf)).getAttribute("data-owner")).isEqualTo(opB);

        // cancelled only with a reason
        driver.findElement(rowOf).findElement(By.className("cbb-cancel")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cbb-cancel-form")));
        driver.findElement(By.id("cbb-confirm-cancel")).click();
        awaitText("cbb-message", "Give the reason.");
        type("cbb-reason", "the client bought elsewhere");
        driver.findElement(By.id("cbb-confirm-cancel")).click();
        awaitText("cbb-done", "Callback #" + callback + " cancelled.");
        admin().get("/api/callbacks/" + callback).then().body("state", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("the client bought elsewhere"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(rowOf));
    }

    @Test
    void aMeetingShowsInItsWeekAndIsCancelledFromTheUi() throws IOException {
        String contactName = "<script>alert(1)</script> " + unique("Meet");
        long contact = createContact(contactName, freeMobile());
        String start = "2027-03-02T10:00:00+03:00";
        String booker = operator("uimtop", freeExtension());
        long meeting = as(booker, booker + "-pw").body(Map.of("contactId", contact, "manager", supervisor,
                "start", start, "end", "2027-03-02T11:00:00+03:00", "place", "Office 5", "note", "bring the price list"))
                .post("/api/meetings").then().statusCode(201).extract().jsonPath().getLong("id");

        browser.signInAs(supervisor);
        driver.get(Api.BASE + "/#/meetings/2027-03-04");
        By button = By.cssSelector("#mt-week button.meeting[data-id='" + meeting + "']");
        WebElement shown = wait.until(ExpectedConditions.visibilityOfElementLocated(button));
        assertThat(driver.findElements(By.cssSelector("#mt-week section.day"))).hasSize(7);
        assertThat(driver.findElement(By.cssSelector("#mt-week section.day")).getAttribute("data-date")).isEqualTo("2027-03-01");
        // placed on its day in the browser's zone, with the contact's name as text (no script ran)
        String day = (String) driver.executeScript("const d = new Date(arguments[0]); return d.getFullYear() + '-'"
                + " + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');", start);
        assertThat(shown.findElement(By.xpath("ancestor::section[1]")).getAttribute("data-date")).isEqualTo(day);
        assertThat(shown.getText()).contains(supervisor, contactName, "scheduled");
        assertThat(driver.findElements(By.cssSelector("#mt-week script"))).isEmpty();

        // the next week does not hold it, the previous one again does
        driver.findElement(By.id("mt-next")).click();
        wait.until(d -> d.findElements(By.cssSelector("#mt-week section.day[data-date='2027-03-08']")).size() == 1);
        assertThat(driver.findElements(button)).isEmpty();
        driver.findElement(By.id("mt-prev")).click();
        shown = wait.until(ExpectedConditions.visibilityOfElementLocated(button));
        // another manager's filter hides it
        type("mt-manager", "nobody-" + supervisor);
        driver.findElement(By.id("mt-show")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mt-none")));
        driver.findElement(By.id("mt-manager")).clear();
        driver.findElement(By.id("mt-show")).click();

        wait.until(ExpectedConditions.elementToBeClickable(button)).click();
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mt-card")));
        assertThat(card.getText()).contains("Meeting #" + meeting, contactName, "Office 5", "bring the price list", supervisor);
        driver.findElement(By.id("mt-ics")).click();
        awaitText("mt-ics-progress", "Done.");
        browser.screenshot("supervisor-meetings");

        // moved a day later at the same time: the server stores the new start, the week shows it on its new day
        String movedTo = LocalDate.parse(day).plusDays(1).toString();
        driver.executeScript("document.getElementById('mt-move-date').value = arguments[0];", movedTo);
        driver.findElement(By.id("mt-move")).click();
        awaitText("mt-done", "Meeting #" + meeting + " moved");
        admin().get("/api/meetings/" + meeting).then().statusCode(200).body("start",
                equalTo(java.time.OffsetDateTime.parse(start).toInstant().plus(java.time.Duration.ofDays(1)).toString()))
                .body("version", equalTo(1));
        shown = wait.until(ExpectedConditions.elementToBeClickable(button));
        assertThat(shown.findElement(By.xpath("ancestor::section[1]")).getAttribute("data-date")).isEqualTo(movedTo);
        shown.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mt-cancel-form")));

        driver.findElement(By.id("mt-cancel")).click();
        awaitText("mt-message", "cancelReason");
        type("mt-reason", "the client postponed");
        driver.findElement(By.id("mt-cancel")).click();
        awaitText("mt-done", "Meeting #" + meeting + " cancelled.");
        wait.until(d -> "CANCELLED".equals(d.findElement(button).getAttribute("data-state")));
        assertThat(driver.findElement(button).getText()).contains("cancelled");
        admin().get("/api/meetings/" + meeting).then().statusCode(200).body("state", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("the client postponed"));

        // the operator who booked it sees it in the same week, read only: no move, no cancel
        driver.findElement(By.id("logout")).click();
        browser.signInAs(booker);
        driver.get(Api.BASE + "/#/meetings/2027-03-02");
        wait.until(ExpectedConditions.elementToBeClickable(button)).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mt-card"))).getText())
                .contains("cancelled", "the client postponed");
        assertThat(driver.findElements(By.cssSelector("#mt-move-form, #mt-cancel-form"))).isEmpty();
    }

    @Test
    void aClientSeesOnlyItsOwnClientsAnomaliesInPlainWords() throws IOException {
        LocalDate day = LocalDate.of(2026, 10, 20);
        long alpha = createClient(unique("UI Sv Alpha"));
        long beta = createClient(unique("UI Sv Beta"));
        String alphaCampaign = createCampaign(alpha, "OUTBOUND");
        String betaCampaign = createCampaign(beta, "OUTBOUND");
        String extA = freeExtension();
        String extB = freeExtension();
        String opA = operator("uiana", extA);
        String opB = operator("uianb", extB);
        int longCall = admin().get("/api/settings").then().extract().jsonPath().getInt("longCallSeconds");
        int minCount = admin().get("/api/settings").then().extract().jsonPath().getInt("longCallsMinCount");
        int[] talks = new int[minCount];
        java.util.Arrays.fill(talks, longCall + 60);
        calls(alphaCampaign, extA, day, talks);
        calls(betaCampaign, extB, day, talks);
        awaitFigure(opA, day, "long", minCount);
        awaitFigure(opB, day, "long", minCount);
        String alphaUser = unique("uianc");
        createUser(alphaUser, List.of("CLIENT"), null, alpha);

        browser.signInAs(alphaUser);
        List<String> keys = driver.findElements(By.cssSelector("header nav a")).stream()
                .map(a -> a.getAttribute("data-key")).toList();
        assertThat(keys).contains("reports", "reports.anomalies").doesNotContain("reports.plans", "callbacks", "meetings");
        driver.findElement(By.cssSelector("header nav a[data-key='reports.anomalies']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("anomalies-from")));
        wait.until(d -> !d.findElements(By.cssSelector("#anomalies-table, #anomalies-none")).isEmpty());
        setDates("anomalies-from", "anomalies-to", day, day);
        driver.findElement(By.id("anomalies-show")).click();
        WebElement mine = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#anomalies-table tr[data-type='LONG_CALLS'][data-operator='" + opA + "']")));
        assertThat(mine.getText()).contains("Many long calls", opA, minCount + " long calls; raised at " + minCount + " or more.");
        assertThat(driver.findElements(By.cssSelector("#anomalies-table tr[data-operator='" + opB + "']"))).isEmpty();
        assertThat(text("#anomalies-output")).doesNotContain(opB);
        driver.findElement(By.id("anomalies-export-csv")).click();
        awaitText("anomalies-export-progress", "Done.");
        browser.screenshot("client-anomalies");

        // the same screen in Russian
        driver.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main h1"), "Аномалии"));
        wait.until(d -> !d.findElements(By.cssSelector("#anomalies-table, #anomalies-none")).isEmpty());
        setDates("anomalies-from", "anomalies-to", day, day);
        driver.findElement(By.id("anomalies-show")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(
                "#anomalies-table tr[data-operator='" + opA + "']"), "Много длинных звонков"));
        assertThat(text("#anomalies-table tr[data-operator='" + opA + "'] td.evidence"))
                .isEqualTo("Длинных звонков: " + minCount + "; порог — " + minCount + " и больше.");
    }
}
