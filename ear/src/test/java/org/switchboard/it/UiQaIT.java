package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createCampaign;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.freeMobile;
import static org.switchboard.it.Api.unique;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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

/**
 * The quality-review screen in a real Chromium: a supervisor opens a day's sample, plays a call's recording (fetched
 * with the credentials as a Blob; it loads and seeks), scores it on a scorecard and sees the verdict; a client's user
 * sees only its own client's calls there and its operator days. Set up over the API as {@link QaIT} does. Skipped where
 * the browser is not installed.
 */
@ExtendWith(ArquillianExtension.class)
class UiQaIT extends BrowserTest {

    private static final AtomicInteger UNIQUEIDS = new AtomicInteger();


    private long alpha;
    private long beta;
    private String campaign;
    private String operator;
    private String extension;
    private String supervisor;
    private String alphaUser;
    private String betaUser;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }


    /** Clients Alpha and Beta, an operator on Alpha's campaign, a supervisor and a CLIENT user per client. */
    @BeforeEach
    void fixtures() {
        Browser.assumeInstalled();
        alpha = createClient(unique("UI QA Alpha"));
        beta = createClient(unique("UI QA Beta"));
        campaign = createCampaign(alpha, "OUTBOUND");
        operator = unique("uiqaop");
        extension = freeExtension();
        createUser(operator, List.of("OPERATOR"), extension, null);
        supervisor = unique("uiqasv");
        createUser(supervisor, List.of("SUPERVISOR"), null, null);
        alphaUser = unique("uiqaal");
        createUser(alphaUser, List.of("CLIENT"), null, alpha);
        betaUser = unique("uiqabe");
        createUser(betaUser, List.of("CLIENT"), null, beta);
        browser.signedOutInEnglish();
    }

    /** One answered outbound call of the operator at 10:00 PBX time of {@code day}, with a playable recording. */
    private long recordedCall(LocalDate day, int talkSeconds) {
        String uid = "17660" + (System.currentTimeMillis() % 1_000_000L) + "." + UNIQUEIDS.incrementAndGet();
        String line = CallsIT.cdr(campaign, extension, freeMobile().substring(1), "PJSIP/" + extension + "-0000u001",
                "PJSIP/trunk-0000u101", "", day.atTime(10, 0), 3, talkSeconds, "ANSWERED", uid, null) + "\n";
        admin().contentType("text/csv").body(line.getBytes(StandardCharsets.UTF_8))
                .post("/api/calls/import/asterisk").then().statusCode(200).body("imported", equalTo(1));
        JsonPath list = admin().queryParam("operator", operator).queryParam("from", day.toString())
                .queryParam("to", day.toString()).get("/api/calls").then().statusCode(200).extract().jsonPath();
        long id = list.getLong("items[0].id");
        admin().contentType("audio/wav").body(wav(2)).put("/api/calls/" + id + "/recording").then().statusCode(200);
        return id;
    }

    /** A real PCM WAV (8 kHz, mono, 16 bit) of a 440 Hz tone, so the browser can decode its duration. */
    static byte[] wav(int seconds) {
        int rate = 8000;
        int samples = rate * seconds;
        ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (Math.sin(2 * Math.PI * 440 * i / rate) * 8000));
        }
        return b.array();
    }

    private long scorecard(int passMark) {
        return as(supervisor, supervisor + "-pw").body(Map.of("name", unique("UI sales call"), "passMark", passMark,
                "criteria", List.of(
                        Map.of("code", "GREETING", "text", "Greets and names the company", "points", 2, "fatal", false),
                        Map.of("code", "NEEDS", "text", "Finds the customer's needs", "points", 4, "fatal", false),
                        Map.of("code", "POLITENESS", "text", "Stays polite", "points", 2, "fatal", true))))
                .post("/api/qa/scorecards").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private void signInAs(String username) {
        browser.signInAs(username);
    }

    private List<String> navigationKeys() {
        return driver.findElements(By.cssSelector("header nav a")).stream().map(a -> a.getAttribute("data-key")).toList();
    }

    /** Opens the QA screen from the navigation and shows the sample of {@code day}. */
    private void openQa(LocalDate day) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("header nav a[data-key='qa']"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("qa-date")));
        wait.until(d -> !d.findElements(By.cssSelector("#qa-calls, #qa-empty")).isEmpty());
        driver.executeScript("document.getElementById('qa-date').value = arguments[0];", day.toString());
        driver.executeScript("document.getElementById('qa-sample').replaceChildren();");
        driver.findElement(By.id("qa-show")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#qa-calls, #qa-empty")).isEmpty());
    }

    private static void screenshot(String name) throws IOException {
        browser.screenshot(name);
    }

    @Test
    void aSupervisorPlaysASampledRecordingSeeksInItScoresItAndSeesTheVerdict() throws IOException {
        LocalDate day = LocalDate.of(2026, 7, 14);
        long callId = recordedCall(day, 60);
        long card = scorecard(75);

        signInAs(supervisor);
        assertThat(navigationKeys()).contains("qa", "reports");
        openQa(day);
        By row = By.cssSelector("#qa-calls tr[data-call-id='" + callId + "']");
        WebElement mine = wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(mine.getAttribute("data-operator")).isEqualTo(operator);
        assertThat(mine.getText()).contains(operator, campaign, "60", "Failed", "No");

        mine.findElement(By.cssSelector("button.qa-open")).click();
        WebElement audio = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("qa-audio")));
        assertThat(audio.getAttribute("controls")).isNotNull();
        assertThat(audio.getAttribute("preload")).isEqualTo("metadata");
        wait.until(d -> String.valueOf(audio.getAttribute("src")).startsWith("blob:"));
        wait.until(d -> ((Number) driver.executeScript("return arguments[0].readyState", audio)).intValue() >= 1);
        double duration = ((Number) driver.executeScript("return arguments[0].duration", audio)).doubleValue();
        assertThat(duration).isGreaterThan(1.5).isLessThan(2.5);
        // seeking works on a Blob
        driver.executeScript("arguments[0].currentTime = 1.25", audio);
        wait.until(d -> !(Boolean) driver.executeScript("return arguments[0].seeking", audio));
        assertThat(((Number) driver.executeScript("return arguments[0].currentTime", audio)).doubleValue())
                .isCloseTo(1.25, org.assertj.core.data.Offset.offset(0.1));

        // one labelled number field per criterion, 0..points; 2 + 2 + 2 of 8 = 75 % ≥ 75: GOOD
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("qa-review-form")));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("qa-scorecard"))).selectByValue(String.valueOf(card));
        List<WebElement> scores = form.findElements(By.cssSelector("input.qa-score"));
        assertThat(scores).extracting(s -> s.getAttribute("data-code")).containsExactly("GREETING", "NEEDS", "POLITENESS");
        assertThat(scores).extracting(s -> s.getAttribute("max")).containsExactly("2", "4", "2");
        assertThat(form.findElements(By.cssSelector("#qa-criteria label")).get(1).getText())
                .contains("Finds the customer's needs", "0–4");
        scores.get(1).clear();
        scores.get(1).sendKeys("2");
        driver.findElement(By.id("qa-comment")).sendKeys("Needs dug out <b>half</b> way");
        screenshot("qa-review");
        driver.findElement(By.id("qa-submit")).click();
        WebElement verdict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("qa-verdict")));
        assertThat(verdict.getText()).isEqualTo("Score 75 % — good");
        assertThat(driver.findElement(row).getText()).contains("Yes");
        screenshot("qa-verdict");

        JsonPath reviews = admin().queryParam("callId", callId).get("/api/qa/reviews").then().statusCode(200)
                .extract().jsonPath();
        assertThat(reviews.getList("items")).hasSize(1);
        assertThat(reviews.getString("items[0].verdict")).isEqualTo("GOOD");
        assertThat(reviews.getString("items[0].reviewer")).isEqualTo(supervisor);
    }

    @Test
    void aClientSeesOnlyItsOwnClientsCallsInTheSampleAndItsOperatorDays() throws IOException {
        LocalDate day = LocalDate.of(2026, 7, 15);
        long callId = recordedCall(day, 45);

        // another client's user: the day holds none of Alpha's calls
        signInAs(betaUser);
        assertThat(navigationKeys()).contains("qa", "reports");
        openQa(day);
        assertThat(driver.findElements(By.cssSelector("#qa-calls tr[data-call-id='" + callId + "']"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#qa-calls tr[data-operator='" + operator + "']"))).isEmpty();
        assertThat(driver.findElement(By.id("qa-sample")).getText()).doesNotContain(operator);
        screenshot("qa-other-client");
        driver.findElement(By.id("logout")).click();

        // Alpha's own user sees the call there, and the operator's day in the operator-day table
        signInAs(alphaUser);
        openQa(day);
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#qa-calls tr[data-call-id='" + callId + "']"))).getText()).contains(operator);
        driver.findElement(By.cssSelector("header nav a[data-key='reports']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-from")));
        driver.executeScript("document.getElementById('report-from').value = arguments[0];"
                + "document.getElementById('report-to').value = arguments[0];", day.toString());
        // the reporting module counts the call from an event; ask again until it is there
        WebElement calls = wait.until(d -> {
            List<WebElement> cells = d.findElements(By.cssSelector("#operator-days tr[data-operator='" + operator
                    + "'] td[data-column='calls']"));
            if (cells.isEmpty()) {
                d.findElement(By.id("report-show")).click();
                return null;
            }
            return cells.get(0);
        });
        assertThat(calls.getText()).isEqualTo("1");
        screenshot("client-operator-days");
    }
}
