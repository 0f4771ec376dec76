package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.switchboard.it.Api.PROBLEM_JSON;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.createCampaign;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.freeMobile;
import static org.switchboard.it.Api.unique;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Info e-mails end to end: a marketer writes a campaign's template with placeholders and a price list, an operator
 * logs an inbound call asking for information, and the filled e-mail with the file arrives at an SMTP server
 * (GreenMail in this JVM, on the port the build reserved; the server polls its outbox every second).
 */
@ExtendWith(ArquillianExtension.class)
class InfoMailIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private static final byte[] PDF = pdf(40_000);

    private long client;
    private String campaign;
    private long campaignId;
    private String marketer;
    private String operator;
    private String clientUser;

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

    @BeforeEach
    void fixtures() {
        client = createClient(unique("Info Client"));
        marketer = unique("mkt");
        createUser(marketer, List.of("MARKETER"), null, null);
        operator = unique("op");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        campaign = createCampaign(client, "INBOUND_AD", List.of(operator));
        campaignId = admin().queryParam("q", campaign).get("/api/campaigns").then().statusCode(200).extract()
                .jsonPath().getLong("items[0].id");
        clientUser = unique("cli");
        createUser(clientUser, List.of("CLIENT"), null, client);
    }

    private String templates() {
        return "/api/campaigns/" + campaignId + "/templates";
    }

    private static RequestSpecification as(String username) {
        return Api.as(username, username + "-pw");
    }

    /** A file upload as a plain HTTP client sends it: the Content-Type as given, no charset added. */
    private static RequestSpecification upload(String username, String contentType, byte[] content) {
        return as(username).config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false))).contentType(contentType).body(content);
    }

    private static Map<String, Object> template(String name, String subject, String text, String html,
            Boolean active, Boolean defaultTemplate, Long version) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("subject", subject);
        body.put("text", text);
        body.put("html", html);
        body.put("active", active);
        body.put("defaultTemplate", defaultTemplate);
        body.put("version", version);
        return body;
    }

    private long createTemplate(String name, boolean active, boolean defaultTemplate) {
        return as(marketer).body(template(name, "{{contact.firstName}}, the prices", "Dear {{contact.fullName}}",
                null, active, defaultTemplate, null)).post(templates()).then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    @Test
    void templatesAreWrittenWithCheckedPlaceholdersAndVersions() {
        String body = as(marketer).body(template("Prices", "Hello {{contact.firstName}}",
                "Dear {{contact.nmae}},\nhere they are", null, null, null, null)).post(templates()).then()
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("text"))
                .extract().asString();
        assertThat(body).contains("unknown placeholder {{contact.nmae}}").contains("{{contact.fullName}}")
                .doesNotContain("Exception");
        as(marketer).body(template("Prices", "{{Contact.FirstName}}", "Dear {{contact.fullName}", "<p>{{dat}}</p>",
                null, null, null)).post(templates()).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", equalTo(List.of("subject", "text", "html")))
                .body("violations[0].message", containsString("did you mean {{contact.firstName}}?"))
                .body("violations[1].message", containsString("without a closing '}}'"));
        as(marketer).body(template("Prices", "Subject", "Text", null, false, true, null)).post(templates()).then()
                .statusCode(400).body("violations[0].field", equalTo("defaultTemplate"));
        as(marketer).body(template(" ", null, "Text", null, null, null, null)).post(templates()).then()
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("name", "subject"));
        as(marketer).body("{\"name\": \"x\", \"subject\": \"s\", \"text\": \"t\", \"colour\": 1}").post(templates())
                .then().statusCode(400).contentType(PROBLEM_JSON);
        as(marketer).body("{\"name\": ").post(templates()).then().statusCode(400).contentType(PROBLEM_JSON);

        Response created = as(marketer).body(template("Prices", "{{contact.firstName}}, the prices",
                "Dear {{ contact.fullName }},\n{{operator.fullName}}", "<p>Dear {{contact.fullName}}</p>", null, null,
                null)).post(templates());
        created.then().statusCode(201).body("version", equalTo(0)).body("active", equalTo(true))
                .body("defaultTemplate", equalTo(false)).body("campaign", equalTo(campaign))
                .body("updatedBy", equalTo(marketer)).body("attachments.size()", equalTo(0));
        long id = created.jsonPath().getLong("id");
        assertThat(created.header("Location")).endsWith(templates() + "/" + id);
        as(marketer).body(template("prices", "s", "t", null, null, null, null)).post(templates()).then()
                .statusCode(409).contentType(PROBLEM_JSON).body("existing.id", equalTo((int) id));

        // operators read; a CLIENT reads its own campaigns' templates and writes none; another client's: 404
        as(operator).get(templates()).then().statusCode(200).body("name", equalTo(List.of("Prices")));
        as(operator).get(templates() + "/" + id).then().statusCode(200)
                .body("text", equalTo("Dear {{ contact.fullName }},\n{{operator.fullName}}"));
        as(operator).get(templates() + "/placeholders").then().statusCode(200)
                .body("$", org.hamcrest.Matchers.hasItem("{{contact.company}}"));
        as(clientUser).get(templates() + "/" + id).then().statusCode(200);
        as(clientUser).body(template("Mine", "s", "t", null, null, null, null)).post(templates()).then()
                .statusCode(403).contentType(PROBLEM_JSON);
        as(clientUser).body(template("Mine", "s", "t", null, null, null, 0L)).put(templates() + "/" + id).then()
                .statusCode(403);
        as(clientUser).delete(templates() + "/" + id).then().statusCode(403);
        upload(clientUser, "application/pdf", PDF).put(templates() + "/" + id + "/attachments/a.pdf")
                .then().statusCode(403);
        as(operator).body(template("Mine", "s", "t", null, null, null, null)).post(templates()).then().statusCode(403);
        as(operator).delete(templates() + "/" + id).then().statusCode(403);
        String otherClientUser = unique("cli2");
        createUser(otherClientUser, List.of("CLIENT"), null, createClient(unique("Other Client")));
        as(otherClientUser).get(templates()).then().statusCode(404).contentType(PROBLEM_JSON);
        admin().get("/api/campaigns/999999999/templates").then().statusCode(404).contentType(PROBLEM_JSON);
        admin().get(templates() + "/999999999").then().statusCode(404).contentType(PROBLEM_JSON);

        // optimistic locking: the version read, else 409; none at all is a 400
        String supervisor = unique("sup");
        createUser(supervisor, List.of("SUPERVISOR"), null, null);
        as(supervisor).body(template("Prices 2027", "{{campaign.name}}: prices", "Dear {{contact.firstName}}", null,
                true, true, 0L)).put(templates() + "/" + id).then().statusCode(200)
                .body("version", equalTo(1)).body("defaultTemplate", equalTo(true))
                .body("html", nullValue()).body("updatedBy", equalTo(supervisor));
        String stale = as(marketer).body(template("Prices", "s", "t", null, null, null, 0L))
                .put(templates() + "/" + id).then().statusCode(409).contentType(PROBLEM_JSON).extract().asString();
        assertThat(stale).contains("you sent version 0, the current version is 1");
        as(marketer).body(template("Prices", "s", "t", null, null, null, null)).put(templates() + "/" + id).then()
                .statusCode(400).body("violations[0].field", equalTo("version"));
        as(marketer).body(template("Prices", "s", "{{nope}}", null, null, null, 1L)).put(templates() + "/" + id)
                .then().statusCode(400).body("violations[0].message", containsString("{{nope}}"));
        admin().get(templates() + "/" + id).then().body("version", equalTo(1)).body("name", equalTo("Prices 2027"));

        // one default per campaign: marking another moves the mark
        long second = as(marketer).body(template("Brochure", "s", "t", null, true, true, null)).post(templates())
                .then().statusCode(201).body("defaultTemplate", equalTo(true)).extract().jsonPath().getLong("id");
        JsonPath all = admin().get(templates()).then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("findAll { it.defaultTemplate }.id", Integer.class)).containsExactly((int) second);

        as(marketer).delete(templates() + "/" + second).then().statusCode(204);
        as(marketer).get(templates() + "/" + second).then().statusCode(404).contentType(PROBLEM_JSON);
        assertThat(admin().get(templates()).then().extract().jsonPath().getList("id", Integer.class))
                .containsExactly((int) id);
    }

    @Test
    void filesAreUploadedReplacedLimitedAndThePreviewIsFilledForAContact() {
        long id = as(marketer).body(template("Prices", "{{contact.firstName}}, prices for {{contact.company}}",
                "Dear {{contact.fullName}} of {{contact.company}} in {{contact.city}}, {{date}}",
                "<p>Dear <b>{{contact.fullName}}</b> of {{contact.company}}</p>", null, null, null)).post(templates())
                .then().statusCode(201).extract().jsonPath().getLong("id");
        String files = templates() + "/" + id + "/attachments/";

        Response uploaded = upload(marketer, "application/pdf", PDF).put(files + "price list.pdf");
        uploaded.then().statusCode(201).body("fileName", equalTo("price list.pdf"))
                .body("contentType", equalTo("application/pdf")).body("size", equalTo(PDF.length));
        assertThat(uploaded.header("Location")).endsWith(files + "price%20list.pdf");
        byte[] newer = pdf(50_000);
        upload(marketer, "application/pdf", newer).put(files + "price list.pdf").then()
                .statusCode(200).body("size", equalTo(newer.length));
        byte[] downloaded = as(operator).get(files + "price list.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertThat(downloaded).isEqualTo(newer);
        upload(marketer, "text/csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)).put(files + "terms.csv").then()
                .statusCode(201);
        admin().get(templates() + "/" + id).then().statusCode(200)
                .body("attachments.fileName", equalTo(List.of("price list.pdf", "terms.csv")))
                .body("attachments[0].size", equalTo(newer.length));

        String tooLarge = upload(marketer, "application/pdf", new byte[5 * 1024 * 1024 + 1])
                .put(files + "huge.pdf").then().statusCode(413).contentType(PROBLEM_JSON).extract().asString();
        assertThat(tooLarge).contains("at most 5242880 bytes");
        upload(marketer, "application/pdf", new byte[0]).put(files + "empty.pdf").then().statusCode(400)
                .contentType(PROBLEM_JSON);
        upload(marketer, "application/octet-stream", new byte[4 * 1024 * 1024]).put(files + "a.bin").then()
                .statusCode(201);
        upload(marketer, "application/octet-stream", new byte[4 * 1024 * 1024]).put(files + "b.bin").then()
                .statusCode(201);
        assertThat(upload(marketer, "application/octet-stream", new byte[4 * 1024 * 1024]).put(files + "c.bin")
                .then().statusCode(413).extract().asString()).contains("10485760 bytes (10 MB) together");
        as(marketer).delete(files + "a.bin").then().statusCode(204);
        as(marketer).delete(files + "b.bin").then().statusCode(204);
        as(marketer).delete(files + "terms.csv").then().statusCode(204);
        as(marketer).delete(files + "terms.csv").then().statusCode(404).contentType(PROBLEM_JSON);
        admin().get(templates() + "/" + id).then().body("attachments.fileName", equalTo(List.of("price list.pdf")));

        long company = admin().body(Map.of("name", "Ромашка & Co")).post("/api/companies").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String email = unique("ivan") + "@example.com";
        long contact = admin().body(Map.of("fullName", "Иван Петров", "phones", List.of(Map.of("number", freeMobile())),
                "emails", List.of(email), "companyId", company, "city", "Санкт-Петербург")).post("/api/contacts")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath preview = as(operator).queryParam("contactId", contact).get(templates() + "/" + id + "/preview")
                .then().statusCode(200).extract().jsonPath();
        assertThat(preview.getString("to")).isEqualTo(email);
        assertThat(preview.getString("subject")).isEqualTo("Иван, prices for Ромашка & Co");
        String text = preview.getString("text");
        assertThat(text).startsWith("Dear Иван Петров of Ромашка & Co in Санкт-Петербург, ");
        // today in the call centre's time zone (a setting): within a day of today here
        LocalDate filled = LocalDate.parse(text.substring(text.lastIndexOf(' ') + 1),
                DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        LocalDate utcToday = LocalDate.now(ZoneOffset.UTC);
        assertThat(filled).isBetween(utcToday.minusDays(1), utcToday.plusDays(1));
        assertThat(preview.getString("html")).isEqualTo("<p>Dear <b>Иван Петров</b> of Ромашка &amp; Co</p>");
        assertThat(preview.getList("attachments.fileName")).containsExactly("price list.pdf");
        as(operator).get(templates() + "/" + id + "/preview").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("contactId"));
        as(operator).queryParam("contactId", "abc").get(templates() + "/" + id + "/preview").then().statusCode(400);
        as(operator).queryParam("contactId", 999_999_999).get(templates() + "/" + id + "/preview").then()
                .statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void anInboundCallAskingForInformationSendsTheFilledTemplateWithItsFile() throws Exception {
        long id = as(marketer).body(template("Prices", "{{contact.firstName}}, the prices of {{campaign.name}}",
                "Dear {{contact.fullName}},\nthe price list is attached.\n{{operator.fullName}}",
                "<p>Dear <b>{{contact.fullName}}</b>,</p><p>the price list is attached.</p>", null, null, null))
                .post(templates()).then().statusCode(201).extract().jsonPath().getLong("id");
        upload(marketer, "application/pdf", PDF).put(templates() + "/" + id + "/attachments/prices.pdf")
                .then().statusCode(201);

        String email = unique("caller") + "@example.com";
        JsonPath logged = as(operator).body(Map.of("number", freeMobile(), "campaign", campaign,
                "contactName", "Мария <Иванова>", "outcome", "SEND_INFO", "info", Map.of("email", email)))
                .post("/api/calls/inbound").then().statusCode(201)
                .body("call.requests.infoEmail", equalTo(email))
                .extract().jsonPath();
        long mailId = logged.getLong("infoMailId");

        MimeMessage message = awaitMessageTo(email, Duration.ofSeconds(30));
        assertThat(message.getSubject()).isEqualTo("Мария, the prices of Campaign " + campaign);
        Map<String, Object> parts = new HashMap<>();
        collect(message, parts);
        assertThat((String) parts.get("text/plain")).contains("Dear Мария <Иванова>,").contains("Test " + operator);
        assertThat((String) parts.get("text/html")).contains("<b>Мария &lt;Иванова&gt;</b>");
        assertThat((byte[]) parts.get("prices.pdf")).isEqualTo(PDF);
        assertThat(message.getHeader("X-Switchboard-Mail", null)).isEqualTo(String.valueOf(mailId));
        admin().get("/api/outbox/" + mailId).then().statusCode(200).body("category", equalTo("info"))
                .body("to", equalTo(List.of(email))).body("attachments[0].fileName", equalTo("prices.pdf"));
    }

    @Test
    void withoutATemplateToSendTheInfoRequestIsOnlyRecorded() {
        String email = unique("none") + "@example.com";
        as(operator).body(Map.of("number", freeMobile(), "campaign", campaign, "info", Map.of("email", email)))
                .post("/api/calls/inbound").then().statusCode(201)
                .body("infoMailId", nullValue()).body("call.requests.infoEmail", equalTo(email));

        createTemplate("Inactive", false, false);
        as(operator).body(Map.of("number", freeMobile(), "campaign", campaign, "info", Map.of("email", email)))
                .post("/api/calls/inbound").then().statusCode(201).body("infoMailId", nullValue());

        // two active and none the default: none can be chosen, so none is sent
        createTemplate("One", true, false);
        createTemplate("Two", true, false);
        as(operator).body(Map.of("number", freeMobile(), "campaign", campaign, "info", Map.of("email", email)))
                .post("/api/calls/inbound").then().statusCode(201).body("infoMailId", nullValue());
        assertThat(admin().queryParam("category", "info").queryParam("size", 500).get("/api/outbox").then()
                .statusCode(200).extract().jsonPath().getList("items.to.flatten()", String.class))
                .doesNotContain(email);
        // and a call without an info request sends nothing either
        as(operator).body(Map.of("number", freeMobile(), "campaign", campaign)).post("/api/calls/inbound").then()
                .statusCode(201).body("infoMailId", nullValue());
    }

    private static void collect(Part part, Map<String, Object> parts) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, parts);
            }
        } else if (part.getFileName() != null) {
            parts.put(part.getFileName(), part.getInputStream().readAllBytes());
        } else if (part.isMimeType("text/plain")) {
            parts.put("text/plain", part.getContent());
        } else if (part.isMimeType("text/html")) {
            parts.put("text/html", part.getContent());
        }
    }

    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            bytes[i] = i < head.length ? head[i] : (byte) (i * 7 + size);
        }
        return bytes;
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
}
