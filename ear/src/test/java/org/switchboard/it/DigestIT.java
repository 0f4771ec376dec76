package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createCampaign;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.freeMobile;
import static org.switchboard.it.Api.unique;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.restassured.path.json.JsonPath;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The daily digest: a client's day as an e-mail through the outbox to a real SMTP server, once per day. */
@ExtendWith(ArquillianExtension.class)
class DigestIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(
            Integer.parseInt(System.getProperty("it.smtp.port", "0")), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @Test
    void aClientsDigestArrivesOnceWithTheTableAttached() throws Exception {
        long client = createClient(unique("Digest <Client>"));
        String campaign = createCampaign(client, "OUTBOUND");
        String operator = unique("op");
        String extension = freeExtension();
        createUser(operator, List.of("OPERATOR"), extension, null);
        String number = freeMobile();
        String csv = String.join("\n",
                CallsIT.cdr(campaign, extension, number.substring(1), "PJSIP/" + extension + "-00000001",
                        "PJSIP/trunk-00000002", "\"Op\" <" + extension + ">", LocalDateTime.of(2026, 4, 13, 10, 0), 5, 95,
                        "ANSWERED", unique("u"), null),
                CallsIT.cdr(campaign, extension, number.substring(1), "PJSIP/" + extension + "-00000003",
                        "PJSIP/trunk-00000004", "\"Op\" <" + extension + ">", LocalDateTime.of(2026, 4, 13, 11, 0), 5, 10,
                        "ANSWERED", unique("u"), null));
        admin().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/calls/import/asterisk")
                .then().statusCode(200);
        String recipient = unique("digest") + "@example.com";
        setRecipients(client, recipient);

        List<Map<String, Object>> sent = admin().queryParam("date", "2026-04-13").queryParam("client", client)
                .post("/api/reports/digest").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(sent).singleElement().satisfies(o -> assertThat(o).containsEntry("alreadySent", false)
                .containsEntry("recipients", List.of(recipient)).extractingByKey("mailId").isNotNull());
        // once per client and day, unless asked again
        assertThat(admin().queryParam("date", "2026-04-13").queryParam("client", client).post("/api/reports/digest")
                .then().statusCode(200).extract().jsonPath().getBoolean("[0].alreadySent")).isTrue();
        String supervisor = unique("sup");
        createUser(supervisor, List.of("SUPERVISOR"), null, null);
        as(supervisor, supervisor + "-pw").queryParam("date", "2026-04-13").post("/api/reports/digest").then()
                .statusCode(403);

        MimeMessage message = awaitMessageTo(recipient, Duration.ofSeconds(30));
        assertThat(message.getSubject()).contains("2026-04-13").contains("1 counted calls").contains("Digest <Client>");
        String body = GreenMailUtil.getBody(message);
        assertThat(body).contains(operator);
        byte[] xlsx = attachment(message);
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo(operator);
            assertThat(book.getSheetAt(0).getRow(1).getCell(4).getNumericCellValue()).isEqualTo(2.0);
            assertThat(book.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).isEqualTo("Total");
        }
        assertThat(admin().queryParam("category", "digest").queryParam("size", 500).get("/api/outbox").then()
                .statusCode(200).extract().jsonPath().getList("items.subject", String.class))
                .anySatisfy(subject -> assertThat(subject).contains("Digest <Client>"));
    }

    /** Adds the client's recipient to the reporting settings; the clock stays off so only this test sends. */
    private static void setRecipients(long client, String email) {
        JsonPath current = admin().get("/api/reports/settings").then().statusCode(200).extract().jsonPath();
        Map<String, Object> body = new HashMap<>(current.getMap("$"));
        List<Object> recipients = new ArrayList<>(current.getList("recipients"));
        recipients.add(Map.of("clientId", client, "emails", List.of(email)));
        body.put("recipients", recipients);
        body.put("digestEnabled", false);
        admin().body(body).put("/api/reports/settings").then().statusCode(200);
    }

    private static byte[] attachment(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null && part.getFileName().endsWith(".xlsx")) {
                return part.getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("the digest has no XLSX attachment");
    }

    private static MimeMessage awaitMessageTo(String to, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        do {
            for (MimeMessage message : SMTP.getReceivedMessages()) {
                if (java.util.Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().contains(to))) {
                    return message;
                }
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("no digest to " + to + " arrived within " + timeout);
    }
}
