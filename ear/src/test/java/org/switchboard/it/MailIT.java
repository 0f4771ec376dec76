package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.switchboard.it.Api.PROBLEM_JSON;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.unique;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The mail outbox end to end: an SMTP server (GreenMail) runs in this JVM on the port the build reserved, the
 * application server is started pointed at it ({@code switchboard.smtp.*} in failsafe's {@code it.jvm.args}) and
 * polls every second; a test message queued over the API must arrive there and be listed as SENT.
 */
@ExtendWith(ArquillianExtension.class)
class MailIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    private static int smtpPort() {
        String port = System.getProperty("it.smtp.port");
        if (port == null || port.isBlank()) {
            throw new IllegalStateException("it.smtp.port is not set: run the integration tests through Maven (the "
                    + "ear module reserves the port and starts the server with it)");
        }
        return Integer.parseInt(port);
    }

    @Test
    void aTestMessageQueuedByAnAdminArrivesAndIsListedAsSent() throws Exception {
        String to = unique("it-mail") + "@example.com";
        Response created = admin().body(Map.of("to", to)).post("/api/outbox/test").then().statusCode(201)
                .body("to", equalTo(List.of(to)))
                .body("category", equalTo("test"))
                .extract().response();
        JsonPath queued = created.jsonPath();
        long id = queued.getLong("id");
        assertThat(created.header("Location")).endsWith("/api/outbox/" + id);
        assertThat(queued.getString("state")).isIn("QUEUED", "SENDING", "SENT");
        assertThat(queued.getString("subject")).isEqualTo("Switchboard test message");
        admin().get("/api/outbox/" + id).then().statusCode(200).body("id", equalTo((int) id));

        MimeMessage received = awaitMessageTo(to, Duration.ofSeconds(30));
        assertThat(received.getSubject()).isEqualTo("Switchboard test message");
        assertThat(Arrays.stream(received.getRecipients(Message.RecipientType.TO))
                .map(a -> ((InternetAddress) a).getAddress())).containsExactly(to);
        assertThat(((InternetAddress) received.getFrom()[0]).getAddress()).isEqualTo("switchboard@localhost");
        assertThat(received.getHeader("X-Switchboard-Mail", null)).isEqualTo(String.valueOf(id));
        assertThat(received.getContent()).asString().contains("test message from Switchboard")
                .contains("queued by admin");

        JsonPath sent = awaitState(id, "SENT", Duration.ofSeconds(15));
        assertThat(sent.getInt("attempts")).isEqualTo(1);
        assertThat(sent.getString("sentAt")).isNotBlank();
        assertThat(sent.getString("lastError")).isNull();
        assertThat(sent.getList("attachments")).isEmpty();
        List<Integer> listedAsSent = admin().queryParam("state", "SENT").queryParam("category", "test")
                .queryParam("size", 500).get("/api/outbox").then().statusCode(200)
                .extract().jsonPath().getList("items.id", Integer.class);
        assertThat(listedAsSent).contains((int) id);
        assertThat(admin().queryParam("state", "QUEUED").get("/api/outbox").then().statusCode(200)
                .extract().jsonPath().getList("items.id", Integer.class)).doesNotContain((int) id);

        admin().post("/api/outbox/" + id + "/retry").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("detail", equalTo("Message " + id + " is SENT; only a FAILED message can be retried"));
    }

    @Test
    void whenTheSmtpServerIsDownTheOutboxSaysWhyAndTriesAgainLater() throws Exception {
        SMTP.stop();
        long id = admin().body(Map.of("to", unique("it-down") + "@example.com")).post("/api/outbox/test").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        JsonPath waiting = awaitAttempts(id, 1, Duration.ofSeconds(30));
        assertThat(waiting.getString("state")).isEqualTo("QUEUED");
        assertThat(waiting.getString("lastError")).containsIgnoringCase("connect");
        assertThat(Duration.between(Instant.parse(waiting.getString("createdAt")),
                Instant.parse(waiting.getString("nextAttemptAt")))).as("the first back-off")
                .isBetween(Duration.ofSeconds(55), Duration.ofSeconds(90));
        admin().queryParam("state", "QUEUED").get("/api/outbox").then().statusCode(200)
                .body("items.find { it.id == " + id + " }.lastError", notNullValue());
    }

    @Test
    void supervisorsReadTheOutboxOnlyAdminsActAndOperatorsSeeNothing() {
        String supervisor = unique("sup");
        createUser(supervisor, List.of("SUPERVISOR"), null, null);
        String operator = unique("op");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);

        as(supervisor, supervisor + "-pw").get("/api/outbox").then().statusCode(200);
        as(supervisor, supervisor + "-pw").body(Map.of("to", "x@example.com")).post("/api/outbox/test")
                .then().statusCode(403).contentType(PROBLEM_JSON);
        as(operator, operator + "-pw").get("/api/outbox").then().statusCode(403).contentType(PROBLEM_JSON);
        as(operator, operator + "-pw").get("/api/outbox/1").then().statusCode(403).contentType(PROBLEM_JSON);
        as(operator, operator + "-pw").body(Map.of("to", "x@example.com")).post("/api/outbox/test")
                .then().statusCode(403).contentType(PROBLEM_JSON);
        String body = as(operator, operator + "-pw").post("/api/outbox/1/retry").then().statusCode(403)
                .contentType(PROBLEM_JSON).extract().asString();
        assertThat(body).contains("OPERATOR").doesNotContain("Exception");
    }

    @Test
    void aBadRequestIsAProblemThatNamesTheField() {
        String body = admin().body(Map.of("to", "not an address")).post("/api/outbox/test").then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("to"))
                .extract().asString();
        assertThat(body).contains("'not an address' is not an e-mail address");
        admin().body(Map.of("to", " ")).post("/api/outbox/test").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("to"));
        admin().body(Map.of("to", "a@example.com", "cc", "b@example.com")).post("/api/outbox/test").then()
                .statusCode(400).contentType(PROBLEM_JSON);
        admin().queryParam("state", "LOST").get("/api/outbox").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("state"));
        admin().get("/api/outbox/999999999").then().statusCode(404).contentType(PROBLEM_JSON);
        admin().post("/api/outbox/999999999/retry").then().statusCode(404).contentType(PROBLEM_JSON);
        assertThat(SMTP.getReceivedMessages()).as("nothing was sent for refused requests").isEmpty();
    }

    private static MimeMessage awaitMessageTo(String to, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        do {
            for (MimeMessage message : SMTP.getReceivedMessages()) {
                if (Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().contains(to))) {
                    return message;
                }
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("no message to " + to + " arrived within " + timeout + "; received: "
                + SMTP.getReceivedMessages().length);
    }

    private static JsonPath awaitAttempts(long id, int attempts, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        JsonPath mail;
        do {
            mail = admin().get("/api/outbox/" + id).then().statusCode(200).extract().jsonPath();
            if (mail.getInt("attempts") >= attempts && !"SENDING".equals(mail.getString("state"))) {
                return mail;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("message " + id + " has had " + mail.getInt("attempts") + " attempts, not "
                + attempts + ", after " + timeout);
    }

    private static JsonPath awaitState(long id, String state, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        JsonPath mail;
        do {
            mail = admin().get("/api/outbox/" + id).then().statusCode(200).extract().jsonPath();
            if (state.equals(mail.getString("state"))) {
                return mail;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("message " + id + " is " + mail.getString("state") + ", not " + state + ", after "
                + timeout + " (last error: " + mail.getString("lastError") + ")");
    }
}
