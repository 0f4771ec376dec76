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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.support.ui.Select;

/**
 * Evidence integrity in a real Chromium, as the client of the call centre reads it: the Integrity screen lists a change
 * made in its own campaign (a lead a supervisor entered for an operator) and not one in another client's, in English
 * and in Russian, exports the trail and checks the call records day by day; the Leads screen marks a lead tied to a
 * counted PBX call of its operator as backed and one without a call as unbacked with the reason; the Calls screen shows
 * the SHA-256 of a recording (and the browser finds the bytes it played match it); Operator days shows conversion in
 * percent. Data set up over the API, calls as Asterisk records of the last hour; skipped without Chromium.
 */
@ExtendWith(ArquillianExtension.class)
class UiIntegrityIT extends BrowserTest {

    /** The call centre's (and the PBX's) zone, which the reports and the records' times use. */
    private static final ZoneId CENTRE = ZoneId.of("Europe/Moscow");
    private static final AtomicInteger CHANNELS = new AtomicInteger();

    private String alphaCampaign;
    private String betaCampaign;
    private String operator;
    private String extension;
    private String betaOperator;
    private String supervisor;
    private String clientUser;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    /** Clients Alpha and Beta with a campaign each, an operator for each, a supervisor and Alpha's CLIENT user. */
    @BeforeEach
    void fixtures() {
        Browser.assumeInstalled();
        long alpha = createClient(unique("UI Integrity Alpha"));
        long beta = createClient(unique("UI Integrity Beta"));
        operator = unique("uiinop");
        extension = freeExtension();
        createUser(operator, List.of("OPERATOR"), extension, null);
        betaOperator = unique("uiinob");
        createUser(betaOperator, List.of("OPERATOR"), freeExtension(), null);
        alphaCampaign = createCampaign(alpha, "OUTBOUND", List.of(operator));
        betaCampaign = createCampaign(beta, "OUTBOUND", List.of(betaOperator));
        supervisor = unique("uiinsv");
        createUser(supervisor, List.of("SUPERVISOR"), null, null);
        clientUser = unique("uiincl");
        createUser(clientUser, List.of("CLIENT"), null, alpha);
        browser.signedOutInEnglish();
    }

    /** An answered outbound call of the operator to {@code number}, started at {@code start} PBX time; its id. */
    private long call(String number, LocalDateTime start, int talkSeconds) {
        String uid = unique("in");
        String line = CallsIT.cdr(alphaCampaign, extension, number.substring(1),
                "PJSIP/" + extension + "-0000i" + CHANNELS.incrementAndGet(), "PJSIP/trunk-0000i" + CHANNELS.get(),
                "", start, 3, talkSeconds, "ANSWERED", uid, null);
        admin().contentType("text/csv").body(line.getBytes(StandardCharsets.UTF_8))
                .post("/api/calls/import/asterisk").then().statusCode(200).body("imported", equalTo(1));
        return admin().queryParam("operator", operator).queryParam("size", 200).get("/api/calls").then().statusCode(200)
                .extract().jsonPath().getList("items", Map.class).stream()
                .filter(c -> uid.equals(c.get("uniqueid")))
                .map(c -> ((Number) c.get("id")).longValue()).findFirst().orElseThrow();
    }

    /** A lead entered by {@code who} for {@code forOperator}, at the server's time (no createdAt); its id. */
    private static long lead(String who, String forOperator, String campaign, long contact, Long callId) {
        Map<String, Object> body = new HashMap<>();
        body.put("contactId", contact);
        body.put("campaign", campaign);
        if (!who.equals(forOperator)) {
            body.put("operator", forOperator);
        }
        body.put("callId", callId);
        return as(who, who + "-pw").body(body).post("/api/leads").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void go(String hash) {
        driver.executeScript("location.hash = arguments[0];", hash);
    }

    private void setDates(String fromId, String toId, LocalDate from, LocalDate to) {
        driver.executeScript("document.getElementById(arguments[0]).value = arguments[2];"
                + "document.getElementById(arguments[1]).value = arguments[3];", fromId, toId, from.toString(), to.toString());
    }

    /** Reporting counts from events: waits until the operator's day shows the figure over the API. */
    private void awaitFigure(LocalDate day, String figure, int expected) throws InterruptedException {
        long until = System.currentTimeMillis() + 15_000;
        while (true) {
            List<Map<String, Object>> rows = admin().queryParam("from", day.toString()).queryParam("to", day.toString())
                    .queryParam("operator", operator).get("/api/reports/operator-days").then().statusCode(200)
                    .extract().jsonPath().getList("$");
            if (!rows.isEmpty() && ((Number) rows.get(0).get(figure)).intValue() == expected) {
                return;
            }
            assertThat(System.currentTimeMillis()).as("%s's %s on %s", operator, figure, day).isLessThan(until);
            Thread.sleep(200);
        }
    }

    /** Opens the Integrity screen and shows the period's changes of one kind. */
    private void showTrail(LocalDate from, LocalDate to, String kind) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("header nav a[data-key='integrity']"))).click();
        wait.until(d -> !d.findElements(By.cssSelector("#integrity-table, #integrity-empty, #integrity-message .message")).isEmpty());
        setDates("integrity-from", "integrity-to", from, to);
        new Select(driver.findElement(By.id("integrity-kind"))).selectByValue(kind);
        driver.executeScript("document.getElementById('integrity-trail').replaceChildren();");
        driver.findElement(By.id("integrity-show")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#integrity-table, #integrity-empty, #integrity-message .message")).isEmpty());
    }

    @Test
    void aClientReadsItsOwnCampaignsChangesAndNotAnotherClientsInEnglishAndRussian() throws IOException {
        // a supervisor enters a lead for an operator in each client's campaign: each is a change in the tamper trail
        long ownLead = lead(supervisor, operator, alphaCampaign, createContact("Trail Alpha", freeMobile()), null);
        long otherLead = lead(supervisor, betaOperator, betaCampaign, createContact("Trail Beta", freeMobile()), null);
        LocalDate today = ZonedDateTime.now(CENTRE).toLocalDate();

        browser.signInAs(clientUser);
        showTrail(today.minusDays(1), today.plusDays(1), "LEAD_ENTERED");
        WebElement own = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#integrity-table tr[data-campaign='" + alphaCampaign + "'][data-kind='LEAD_ENTERED']")));
        assertThat(own.getText()).contains("Lead entered for an operator", supervisor, operator, "Lead #" + ownLead);
        assertThat(driver.findElements(By.cssSelector("#integrity-table tr[data-campaign='" + betaCampaign + "']"))).isEmpty();
        assertThat(driver.findElement(By.id("main")).getText()).doesNotContain(betaCampaign, betaOperator, "#" + otherLead);
        browser.screenshot("integrity-client-en");

        // the same in Russian: the kind as a label of the language, the other client's change still absent
        driver.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Целостность"));
        showTrail(today.minusDays(1), today.plusDays(1), "LEAD_ENTERED");
        WebElement ownRu = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#integrity-table tr[data-campaign='" + alphaCampaign + "'][data-kind='LEAD_ENTERED']")));
        assertThat(ownRu.getText()).contains("Лид внесён за оператора", "Лид #" + ownLead);
        assertThat(driver.findElements(By.cssSelector("#integrity-table tr[data-campaign='" + betaCampaign + "']"))).isEmpty();
        browser.screenshot("integrity-client-ru");
        assertThat(browser.scriptErrors()).isEmpty();
    }

    @Test
    void aClientExportsTheTrailAndTheCallRecordsOfPastDaysCheckOut() throws IOException {
        lead(supervisor, operator, alphaCampaign, createContact("Export Alpha", freeMobile()), null);
        lead(supervisor, betaOperator, betaCampaign, createContact("Export Beta", freeMobile()), null);
        LocalDate today = ZonedDateTime.now(CENTRE).toLocalDate();

        browser.signInAs(clientUser);
        showTrail(today.minusDays(1), today.plusDays(1), "LEAD_ENTERED");
        // the export downloads with progress; the same export over the API holds no other client's change
        driver.findElement(By.id("integrity-export-csv")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#integrity-export-progress .progress-text"), "Done."));
        String csv = as(clientUser, clientUser + "-pw").queryParam("from", today.minusDays(1).toString())
                .queryParam("to", today.plusDays(1).toString()).queryParam("format", "csv")
                .get("/api/integrity/changes").then().statusCode(200).extract().asString();
        assertThat(csv).contains("id,at,by,kind").doesNotContain(betaCampaign);

        // the check of the call records: every day of the last week as the PBX delivered it (one day has a record of
        // this test's own, whatever ran before)
        call(freeMobile(), today.minusDays(2).atTime(11, 0), 60);
        setDates("integrity-from", "integrity-to", today.minusDays(7), today.minusDays(1));
        driver.findElement(By.id("integrity-verify-run")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#integrity-verify-summary, #integrity-verify-empty,"
                + " #integrity-verify-failed")).isEmpty());
        assertThat(driver.findElements(By.id("integrity-verify-failed"))).as("the check answered").isEmpty();
        WebElement summary = driver.findElement(By.id("integrity-verify-summary"));
        assertThat(summary.getAttribute("data-ok")).isEqualTo("true");
        assertThat(driver.findElements(By.cssSelector("#integrity-days tr[data-status='OK']"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#integrity-days tr[data-status='CHANGED'], #integrity-days tr.changed")))
                .isEmpty();
        assertThat(driver.findElement(By.cssSelector("#integrity-days tr[data-status='OK'] td .badge")).getText())
                .isEqualTo("Intact");
        // the hashes are monospace, shortened, the full value in the title and one click from the clipboard
        WebElement hash = driver.findElement(By.cssSelector("#integrity-days tr[data-status='OK'] code.hash"));
        assertThat(hash.getAttribute("data-full")).matches("[0-9a-f]{64}");
        assertThat(hash.getAttribute("title")).isEqualTo(hash.getAttribute("data-full"));
        assertThat(hash.getText()).isEqualTo(hash.getAttribute("data-full").substring(0, 12) + "…");
        browser.screenshot("integrity-verify");
        assertThat(browser.scriptErrors()).isEmpty();
    }

    /**
     * Four counted calls of the operator in the last hour, the first to the contact's number; a lead the operator
     * enters from that call and one a supervisor enters for the operator without a call. Answers the two lead ids.
     */
    /**
     * A call start {@code minutes} before now, on today's call-centre day: just after midnight, minutes after now
     * instead (a lead may cite a call that starts up to 10 minutes after it by the PBX's clock), so the figures the
     * test awaits are today's whenever it runs.
     */
    private static LocalDateTime sameDay(ZonedDateTime now, int minutes) {
        LocalDateTime at = now.toLocalDateTime().withNano(0);
        return at.toLocalTime().isBefore(java.time.LocalTime.of(0, 10)) ? at.plusMinutes(minutes) : at.minusMinutes(minutes);
    }

    private long[] twoLeadsOfFourCountedCalls(ZonedDateTime now) throws InterruptedException {
        String number = freeMobile();
        long contact = createContact("Backed Лид", number);
        long backingCall = call(number, sameDay(now, 1), 90);
        call(freeMobile(), sameDay(now, 2), 45);
        call(freeMobile(), sameDay(now, 3), 30);
        call(freeMobile(), sameDay(now, 4), 25);
        long backed = lead(operator, operator, alphaCampaign, contact, backingCall);
        long unbacked = lead(supervisor, operator, alphaCampaign, createContact("Unbacked Лид", freeMobile()), null);
        awaitFigure(now.toLocalDate(), "leads", 2);
        awaitFigure(now.toLocalDate(), "counted", 4);
        return new long[] {backed, unbacked};
    }

    @Test
    void theLeadsScreenMarksALeadFromACountedPbxCallBackedAndOneWithoutACallUnbacked() throws Exception {
        long[] leads = twoLeadsOfFourCountedCalls(ZonedDateTime.now(CENTRE));
        long backed = leads[0];
        long unbacked = leads[1];

        browser.signInAs(clientUser);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("header nav a[data-key='leads']"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("leads-status")));
        new Select(wait.until(d -> {
            WebElement select = d.findElement(By.id("leads-campaign"));
            return select.findElements(By.cssSelector("option[value='" + alphaCampaign + "']")).isEmpty() ? null : select;
        })).selectByValue(alphaCampaign);
        driver.findElement(By.id("leads-show")).click();
        WebElement backedRow = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#leads-table tr[data-id='" + backed + "']")));
        WebElement unbackedRow = driver.findElement(By.cssSelector("#leads-table tr[data-id='" + unbacked + "']"));
        browser.screenshot("integrity-leads-en");
        WebElement backedBadge = backedRow.findElement(By.cssSelector(".badge[data-backed]"));
        assertThat(backedBadge.getAttribute("data-backed")).isEqualTo("true");
        assertThat(backedBadge.getText()).contains("Backed");
        WebElement unbackedBadge = unbackedRow.findElement(By.cssSelector(".badge[data-backed]"));
        assertThat(unbackedBadge.getAttribute("data-backed")).isEqualTo("false");
        assertThat(unbackedBadge.getAttribute("data-reason")).isEqualTo("NO_CALL");
        assertThat(unbackedBadge.getText()).isEqualTo("✗ Unbacked: no call given");
        // who entered each: the operator live, the supervisor for them
        assertThat(backedRow.findElement(By.cssSelector("td.evidence")).getText()).contains("by " + operator);
        assertThat(unbackedRow.findElement(By.cssSelector("td.evidence")).getText()).contains("by " + supervisor);
        driver.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#leads-table tr[data-id='" + unbacked + "'] .badge[data-backed]"), "Не подтверждён: звонок не указан"));
        browser.screenshot("integrity-leads-ru");
        assertThat(browser.scriptErrors()).isEmpty();
    }

    @Test
    void operatorDaysShowConversionInPercentLikeThePlan() throws Exception {
        ZonedDateTime now = ZonedDateTime.now(CENTRE);
        twoLeadsOfFourCountedCalls(now);

        // 2 leads of 4 counted calls is a conversion of 50 %, written as a percentage like the plan
        browser.signInAs(clientUser);
        go("#/reports");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-from")));
        wait.until(d -> !d.findElements(By.cssSelector("#operator-days, #report-empty")).isEmpty());
        setDates("report-from", "report-to", now.toLocalDate(), now.toLocalDate());
        driver.findElement(By.id("report-operator")).sendKeys(operator);
        driver.executeScript("document.getElementById('report-output').replaceChildren();");
        driver.findElement(By.id("report-show")).click();
        WebElement conversion = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#operator-days tr[data-operator='" + operator + "'] td[data-column='conversion']")));
        assertThat(conversion.getText()).isEqualTo("50 %");
        assertThat(driver.findElement(By.cssSelector(
                "#report-totals-table tr[data-operator='" + operator + "'] td[data-column='conversion']")).getText())
                .isEqualTo("50 %");
        browser.screenshot("integrity-report-conversion");
        assertThat(browser.scriptErrors()).isEmpty();
    }

    @Test
    void theCallsScreenShowsTheSha256OfARecordingAndTheBytesPlayedMatchIt() throws IOException {
        ZonedDateTime now = ZonedDateTime.now(CENTRE);
        long id = call(freeMobile(), sameDay(now, 5), 65);
        byte[] wav = UiQaIT.wav(2);
        admin().contentType("audio/wav").body(wav).put("/api/calls/" + id + "/recording").then().statusCode(200);
        String sha = sha256(wav);

        browser.signInAs(clientUser);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("header nav a[data-key='calls']"))).click();
        wait.until(d -> !d.findElements(By.cssSelector("#calls-table, #calls-empty, #calls-message .message")).isEmpty());
        setDates("calls-from", "calls-to", now.toLocalDate(), now.toLocalDate());
        driver.executeScript("document.getElementById('calls-output').replaceChildren();");
        driver.findElement(By.id("calls-show")).click();
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#calls-table tr[data-call-id='" + id + "']")));
        WebElement hash = row.findElement(By.cssSelector(".recording-hash code.hash"));
        assertThat(hash.getAttribute("data-full")).isEqualTo(sha);
        assertThat(hash.getAttribute("title")).isEqualTo(sha);
        assertThat(hash.getText()).isEqualTo(sha.substring(0, 12) + "…");
        assertThat(row.findElement(By.cssSelector(".recording-hash")).getAttribute("data-origin")).isNotBlank();
        browser.screenshot("integrity-calls-hash");

        // played, the bytes the browser received hash to the same value
        row.findElement(By.cssSelector("button.calls-play")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("calls-audio-check"),
                "The bytes received match the SHA-256 " + sha.substring(0, 12)));
        browser.screenshot("integrity-calls-played");
        assertThat(browser.scriptErrors()).isEmpty();
    }
}
