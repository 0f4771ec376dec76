package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.switchboard.it.Api.PROBLEM_JSON;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.freeMobile;
import static org.switchboard.it.Api.unique;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every input is bounded: bodies, spreadsheets, numbers, pages, id lists; exports neutralise formulas; no internals. */
@ExtendWith(ArquillianExtension.class)
class InputLimitsIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @AfterEach
    void realTime() {
        admin().body(Map.of()).put("/api/system/clock").then().statusCode(200);
    }

    private static String bigContact(String name) {
        return "{\"fullName\":\"" + name + "\",\"phones\":[{\"number\":\"" + freeMobile() + "\"}],\"notes\":\""
                + "n".repeat(2 * 1024 * 1024) + "\"}";
    }

    private static void nothingStored(String name) {
        admin().queryParam("q", name).get("/api/contacts").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aTwoMegabyteJsonBodyIsA413NamingTheLimitForEveryRole() {
        long client = createClient(unique("Limits Client"));
        String clientUser = unique("cli");
        createUser(clientUser, List.of("CLIENT"), null, client);
        String operator = unique("op");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        for (String user : List.of(clientUser, operator, Api.ADMIN)) {
            String name = unique("Big");
            String password = user.equals(Api.ADMIN) ? Api.ADMIN_PASSWORD : user + "-pw";
            as(user, password).body(bigContact(name)).post("/api/contacts").then().statusCode(413)
                    .contentType(PROBLEM_JSON)
                    .body("status", equalTo(413))
                    .body("detail", containsString("request body limit of 1 MB"));
            nothingStored(name);
        }
    }

    @Test
    void aChunkedOversizeBodyIsCountedAndRefused() throws Exception {
        String name = unique("Chunked");
        byte[] body = bigContact(name).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(Api.BASE + "/api/contacts"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (Api.ADMIN + ":" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                // no length known: the client sends it chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM_JSON));
        assertThat(response.body()).contains("request body limit of 1 MB");
        nothingStored(name);
    }

    @Test
    void aCsvOfOneEndlessLineIsRefusedAndTheServerStaysHealthy() {
        byte[] line = ("full_name,phone\n" + "x".repeat(10 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
        admin().contentType("text/csv").body(line).post("/api/contacts/import").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("detail", containsString("longer than 65536 characters"));
        admin().get("/api/contacts").then().statusCode(200);
        io.restassured.RestAssured.given().baseUri("http://localhost:9990").get("/health/ready").then().statusCode(200);
    }

    @Test
    void anXlsxZipBombIsRefused() throws IOException {
        byte[] bomb = bomb();
        assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
        admin().contentType(XLSX).body(bomb).post("/api/contacts/import").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("detail", containsString("zip bomb"));
        admin().get("/api/contacts").then().statusCode(200);
    }

    @Test
    void aNumberAnswerWithAHugeExponentIsA400() {
        String marketer = unique("mkt");
        createUser(marketer, List.of("MARKETER"), null, null);
        String operator = unique("op");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        long client = createClient(unique("Survey Client"));
        String campaign = unique("SRV").toUpperCase();
        admin().body(Map.of("code", campaign, "name", "Numbers", "type", "SURVEY", "clientId", client,
                "operators", List.of(operator))).post("/api/campaigns").then().statusCode(201);
        Map<String, Object> q1 = new HashMap<>(Map.of("code", "Q1", "text", "How many?", "kind", "NUMBER"));
        long survey = as(marketer, marketer + "-pw").body(Map.of("title", "Numbers", "intro", "Hello", "campaign", campaign,
                "questions", List.of(q1))).post("/api/surveys").then().statusCode(201).extract().jsonPath().getLong("id");
        as(marketer, marketer + "-pw").post("/api/surveys/" + survey + "/publish").then().statusCode(200);
        long contact = Api.createContact(unique("Respondent"), freeMobile());
        long response = as(operator, operator + "-pw").body(Map.of("contactId", contact))
                .post("/api/surveys/" + survey + "/responses").then().extract().jsonPath().getLong("id");
        for (String body : List.of("{\"question\":\"Q1\",\"value\":\"1e-300000000\"}",
                "{\"question\":\"Q1\",\"value\":1e-300000000}")) {
            as(operator, operator + "-pw").body(body).post("/api/responses/" + response + "/answers").then()
                    .statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations[0].field", equalTo("value"))
                    .body("violations[0].message", containsString("exponent must be between -1000 and 1000"));
        }
        as(operator, operator + "-pw").body(Map.of("question", "Q1", "value", 12)).post("/api/responses/" + response
                + "/answers").then().statusCode(200);
    }

    @Test
    void aPageBeyondAnyOffsetIsA400() {
        admin().queryParam("page", "99999999").queryParam("size", "500").get("/api/contacts").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("violations[0].field", equalTo("page"));
        admin().queryParam("page", "99999999999999999999").queryParam("size", "99999999999999999999")
                .get("/api/contacts").then().statusCode(400).contentType(PROBLEM_JSON);
        admin().queryParam("size", "100000").get("/api/contacts").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
    }

    @Test
    void tooManyContactIdsInOneRequestAreA400() {
        long client = createClient(unique("List Client"));
        String code = unique("OUT").toUpperCase();
        long campaign = admin().body(Map.of("code", code, "name", "Outbound " + code, "type", "OUTBOUND", "clientId",
                client, "operators", List.of())).post("/api/campaigns").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        List<Long> ids = new ArrayList<>();
        for (long i = 1; i <= 10_001; i++) {
            ids.add(i);
        }
        admin().body(Map.of("contactIds", ids)).post("/api/campaigns/" + campaign + "/list").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("violations[0].field", equalTo("contactIds"))
                .body("detail", containsString("at most 10000"));
        admin().get("/api/campaigns/" + campaign + "/list").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aCsvExportWritesAFormulaAsText() {
        String tag = unique("evil");
        String name = "=HYPERLINK(\"http://evil\",\"x\")";
        admin().body(Map.of("fullName", name, "phones", List.of(Map.of("number", freeMobile())), "tags", List.of(tag)))
                .post("/api/contacts").then().statusCode(201);
        String csv = admin().queryParam("format", "csv").queryParam("tag", tag).get("/api/contacts/export").then()
                .statusCode(200).extract().asString();
        String row = csv.split("\r\n")[1];
        assertThat(row).contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",");
        assertThat(row).doesNotContain(",\"=HYPERLINK");
    }

    @Test
    void anImportReportHoldsNoInternalErrorText() {
        long client = createClient(unique("Import Client"));
        String campaign = Api.createCampaign(client, "INBOUND_AD");
        String extension = freeExtension();
        createUser(unique("op"), List.of("OPERATOR"), extension, null);
        // 10^14 does not fit the database column NUMERIC(14, 2): it used to fail there and the report quoted the database
        String file = "created_at,operator_extension,phone,name,campaign,estimated_value\n"
                + "2026-11-27 10:15:00," + extension + "," + freeMobile() + ",Лид Большой," + campaign + ",100000000000000\n"
                + "2026-11-27 10:16:00," + extension + "," + freeMobile() + ",Лид Малый," + campaign + ",1e-300000000\n";
        Response response = admin().contentType("text/csv").body(file.getBytes(StandardCharsets.UTF_8))
                .post("/api/leads/import");
        response.then().statusCode(200).body("imported", equalTo(0)).body("rejected.size()", equalTo(2))
                .body("rejected[0].column", equalTo("estimated_value"));
        String report = response.asString();
        for (String internal : List.of("SQL", "leads_", "NUMERIC", "Exception", "constraint", "org.", "java.")) {
            assertThat(report).doesNotContainIgnoringCase(internal);
        }
        JsonPath json = response.jsonPath();
        assertThat(json.getString("rejected[0].reason")).contains("at most 12 digits");
    }

    /** A minimal workbook whose sheet inflates to 200 MB of spaces from a few hundred KB. */
    private static byte[] bomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "</Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<sheets><sheet name=\"data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "</Relationships>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>full_name</t></is></c>"
                    + "<c r=\"B1\" t=\"inlineStr\"><is><t>phone</t></is></c></row>").getBytes(StandardCharsets.UTF_8));
            byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 200; i++) {
                zip.write(spaces);
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
